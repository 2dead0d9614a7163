/**
 * Carry a MyST Markdown chapter (`.md`) over: the body is converted by convertMyst (unknown
 * constructs kept visibly, everything else as written), and the frontmatter gains the chapter's `id`
 * and, if it has none, a `description` from its first paragraph. The title stays the body's first
 * `# Heading` (the site takes it from there); only a chapter without one gets a `title:`.
 */
import { LineCounter, parseDocument } from 'yaml';
import { chapterDescription } from './chapter-description.js';
import { type ConvertOptions, type ConvertedMyst, type Finding, convertMyst } from './convert-myst.js';
import { ImportError } from './import-error.js';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;

/** A chapter carried over: its new text and what the conversion found (lines are the source file's). */
export interface ConvertedChapter extends Omit<ConvertedMyst, 'text'> {
  content: string;
  /** True when the chapter had no `# Heading` and got a `title:` from the toc or its file name. */
  titleAdded?: string;
}

export interface ChapterIdentity {
  id: string;
  /** The toc's title for the chapter, used only when the chapter has no title of its own. */
  fallbackTitle: string;
}

/** Convert a `.md` chapter read from `displayPath`; a malformed frontmatter is an ImportError at its line. */
export function convertMarkdownChapter(source: string, displayPath: string, identity: ChapterIdentity, options: ConvertOptions = {}): ConvertedChapter {
  const match = FRONTMATTER.exec(source);
  const frontmatterSource = match?.[1] ?? '';
  const body = match ? source.slice(match[0].length) : source;
  // Lines of the body are shifted by the frontmatter's lines in the source file.
  const offset = match ? match[0].split('\n').length - 1 : 0;
  const lineCounter = new LineCounter();
  const document = parseDocument(frontmatterSource, { lineCounter });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new ImportError(`invalid YAML in the frontmatter: ${error.message.split('\n')[0]}`, { file: displayPath, line: line + 1, column: col });
  }
  if (match && (document.contents === null || typeof document.toJS() !== 'object')) {
    throw new ImportError('the frontmatter is not a set of `key: value` lines', { file: displayPath, line: 2 });
  }
  const converted = convertMyst(body, options);
  const shift = <T extends { line: number }>(items: T[]): T[] => items.map((item) => ({ ...item, line: item.line + offset }));

  const fields = (document.toJS() ?? {}) as Record<string, unknown>;
  const { id: _replaced, ...kept } = fields;
  let titleAdded: string | undefined;
  if (typeof fields.title !== 'string' && !/^# \S/m.test(withoutCode(body))) titleAdded = identity.fallbackTitle;
  const description = typeof fields.description === 'string' ? undefined : chapterDescription(converted.text);
  const head = parseDocument('');
  head.contents = head.createNode({
    id: identity.id,
    ...(titleAdded === undefined ? {} : { title: titleAdded }),
    ...kept,
    ...(description === undefined ? {} : { description }),
  }) as typeof head.contents;
  const frontmatter = head.toString({ lineWidth: 0 });
  return {
    content: `---\n${frontmatter}---\n${converted.text}`,
    findings: shift(converted.findings),
    citationKeys: shift(converted.citationKeys),
    docTargets: shift(converted.docTargets),
    images: shift(converted.images),
    ...(titleAdded === undefined ? {} : { titleAdded }),
  };
}

/** The text without fenced blocks, so a `# comment` inside code is not taken for a title. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(\s*)(`{3,}|~{3,}|:{3,})[^\n]*\n[\s\S]*?^\1?\2\s*$/gm, '');
}

export type { Finding };
