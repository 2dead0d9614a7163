/**
 * Read a Jupyter Book YAML file (`_toc.yml`, `_config.yml`) and validate it with a Zod schema. A
 * syntax error or a value of the wrong shape stops the import with the file, line and column (the
 * `yaml` package keeps every node's position).
 */
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import { ImportError } from './import-error.js';

/** A validated YAML file, and where each value of it is (for messages about an entry). */
export interface YamlFile<Data> {
  data: Data;
  /** Line of the value at a path of the document, if it exists. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/** Parse `source` (read from `displayPath`) and validate it; throws an ImportError at the first problem. */
export function parseYamlFile<Schema extends z.ZodType>(source: string, displayPath: string, schema: Schema): YamlFile<z.infer<Schema>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ImportError(`invalid YAML: ${error.message.split('\n')[0]}`, { file: displayPath, line, column: col });
  }
  const result = schema.safeParse(document.toJS() ?? {});
  if (result.success) {
    const lineOf = (path: readonly (string | number)[]) => {
      const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
    };
    return { data: result.data, lineOf };
  }
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []) as (string | number)[];
  // The value at fault, or the nearest parent that exists (a missing field has no node of its own).
  let offset: number | undefined;
  for (let length = path.length; length >= 0 && offset === undefined; length--) {
    const node = document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    offset = node?.range?.[0];
  }
  const place = offset === undefined ? {} : (({ line, col }) => ({ line, column: col }))(lineCounter.linePos(offset));
  throw new ImportError(`unexpected value at \`${path.join('.') || '(top)'}\`: ${issue?.message ?? 'invalid'}`, { file: displayPath, ...place });
}

/** Read and validate a YAML file; a missing or unreadable file is an ImportError naming it. */
export function readYamlFile<Schema extends z.ZodType>(absolutePath: string, displayPath: string, schema: Schema): YamlFile<z.infer<Schema>> {
  let source: string;
  try {
    source = readFileSync(absolutePath, 'utf8');
  } catch (error) {
    throw new ImportError(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: displayPath });
  }
  return parseYamlFile(source, displayPath, schema);
}
