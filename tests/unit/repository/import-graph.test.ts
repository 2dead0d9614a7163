/**
 * The architecture's one-way flow, checked on the sources: the Markdown plugins (src/markdown) receive
 * the book as data and never import the book model (src/book), which uses them; and no module of src
 * imports itself back through a chain of runtime imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');

interface Import {
  /** The imported module, relative to src, `/`-separated, with its `.ts` extension. */
  target: string;
  /** `import type` (erased at runtime). */
  typeOnly: boolean;
}

/** The relative imports and re-exports of every .ts module under src. */
function importGraph(): Map<string, Import[]> {
  const graph = new Map<string, Import[]>();
  const files = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  for (const file of files) {
    const source = readFileSync(path.join(SRC, file), 'utf8');
    const imports: Import[] = [];
    for (const match of source.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']+)'/gms)) {
      const specifiers = match[2] ?? '';
      const typeOnly = Boolean(match[1]) || /^\{(\s*type\s+\w+\s*,?)+\s*\}$/.test(specifiers.trim());
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.split(path.sep).join('/')), (match[3] as string).replace(/\.js$/, '.ts')));
      imports.push({ target, typeOnly });
    }
    graph.set(file.split(path.sep).join('/'), imports);
  }
  return graph;
}

describe('the import graph of src', () => {
  const graph = importGraph();

  it('should find the modules and their imports (the check reads real files)', () => {
    expect(graph.get('markdown/pipeline.ts')?.map((entry) => entry.target)).toContain('markdown/citation-keys/index.ts');
    expect(graph.get('book/parse-chapter.ts')?.map((entry) => entry.target)).toContain('markdown/pipeline.ts');
  });

  it('should keep the Markdown plugins independent of the book model (not even types)', () => {
    const offending = [...graph].flatMap(([file, imports]) =>
      file.startsWith('markdown/') ? imports.filter((entry) => entry.target.startsWith('book/')).map((entry) => `${file} → ${entry.target}`) : [],
    );
    expect(offending).toEqual([]);
  });

  it('should have no cycle of runtime imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const { target, typeOnly } of graph.get(file) ?? []) {
        if (typeOnly || !graph.has(target)) continue;
        if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '));
        else if (!state.has(target)) visit(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
