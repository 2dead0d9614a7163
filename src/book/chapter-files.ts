/** Find the chapter files under `content/` and read their frontmatter (without rendering them). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { processWide } from '../process/process-wide.js';
import { RuleId } from '../diagnostics/rule-ids.js';
import { isNotebookPath, type NotebookSource, readNotebookChapter } from '../notebooks/notebook-chapter.js';
import { type ChapterFrontmatter, chapterFrontmatterSchema } from './chapter-frontmatter.js';
import { headingTitle } from './chapter-heading-title.js';

/** One chapter file: where it is, its source, and its frontmatter if valid. */
export interface ChapterFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the book root, as messages show it. */
  displayPath: string;
  source: string;
  frontmatter?: ChapterFrontmatter;
  /** Where each frontmatter field's value is in the file, so messages about a field point at it. */
  fieldPlaces?: Partial<Record<keyof ChapterFrontmatter, { line: number; column: number }>>;
  /** Messages about this file (frontmatter problems here; content problems added by the checks). */
  file: VFile;
  /** For a notebook (.ipynb): the notebook; `source` is then the MyST Markdown it converts to. */
  notebook?: NotebookSource;
}

// Notebooks are chapters too (src/notebooks/): `.ipynb` files, read through notebook-chapter.ts.
const CHAPTER_EXTENSION = /\.(mdx?|ipynb)$/;
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?(?:\n|$)/;

/** Every `.md`/`.mdx`/`.ipynb` file under `contentDir`, in a stable order. */
export function listChapterFiles(contentDir: string): string[] {
  // No folder, no chapters: the missing structure file inside it is reported instead of a raw ENOENT.
  if (!existsSync(contentDir)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (CHAPTER_EXTENSION.test(entry.name)) found.push(full);
    }
  };
  walk(contentDir);
  return found.sort();
}

/** Read a chapter file and validate its frontmatter; problems become positioned messages. */
export function readChapterFile(absolutePath: string, root: string): ChapterFile {
  if (isNotebookPath(absolutePath)) return readNotebookChapter(absolutePath, root);
  const source = readFileSync(absolutePath, 'utf8');
  const displayPath = path.relative(root, absolutePath).split(path.sep).join('/');
  // Relative to the book root, which is the file's cwd: plugins resolve the chapter's own path from it.
  const file = new VFile({ path: displayPath, cwd: root, value: source });
  const chapter: ChapterFile = { path: absolutePath, displayPath, source, file };
  const match = FRONTMATTER.exec(source);
  if (!match) {
    file.message('The chapter has no frontmatter: start it with `---`, then an `id:` line (and `title:`, `slug:`, `description:` if you like), then `---`', {
      place: { line: 1, column: 1 },
      ruleId: RuleId.frontmatterValid,
      source: 'frontmatter',
    }).fatal = true;
    return chapter;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(match[1] ?? '', { lineCounter });
  // Line 1 is the opening `---`, so frontmatter line n is file line n + 1.
  const place = (offset: number | undefined) => {
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + 1, column: col };
  };
  for (const error of document.errors) {
    file.message(`Invalid YAML in frontmatter: ${error.message.split('\n')[0]}`, {
      place: place(error.pos[0]),
      ruleId: RuleId.frontmatterValid,
      source: 'frontmatter',
    }).fatal = true;
  }
  if (document.errors.length > 0) return chapter;
  const result = chapterFrontmatterSchema.safeParse(document.toJS() ?? {});
  if (result.success) {
    chapter.frontmatter = result.data;
    const heading = headingTitle(source);
    if (!result.data.title && heading) chapter.frontmatter.title = heading.title;
    if (!chapter.frontmatter.title) {
      file.message('The chapter has no title: add `title:` to its frontmatter, or start the chapter with a `# Heading` (its title, as in MyST)', {
        place: { line: 1, column: 1 },
        ruleId: RuleId.chapterTitle,
        source: 'frontmatter',
      }).fatal = true;
    } else if (result.data.title && heading && heading.title !== result.data.title) {
      file.message(
        `The chapter's title is given twice: \`title: ${result.data.title}\` in the frontmatter and \`# ${heading.title}\` as its first heading (the page shows the title once); keep one, or make the first heading a \`##\` section`,
        { place: { line: heading.line, column: 1 }, ruleId: RuleId.chapterTitle, source: 'frontmatter' },
      ).fatal = true;
    }
    chapter.fieldPlaces = {};
    for (const field of Object.keys(result.data) as (keyof ChapterFrontmatter)[]) {
      const node = document.get(field, true) as { range?: [number, number, number] } | undefined;
      if (node?.range) chapter.fieldPlaces[field] = place(node.range[0]);
    }
    return chapter;
  }
  for (const issue of result.error.issues) {
    const node = document.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const field = issue.path.join('.');
    file.message(`Invalid frontmatter field \`${field}\`: ${issue.message}`, {
      place: place(node?.range?.[0]),
      ruleId: RuleId.frontmatterValid,
      source: 'frontmatter',
    }).fatal = true;
  }
  return chapter;
}

// Chapter files as last read, by path, with the file's modification time and size when read.
const reads = processWide('chapter-file-reads', () => new Map<string, { stamp: string; chapter: ChapterFile; messages: VFileMessage[] }>());

/**
 * `readChapterFile`, but a file unchanged since it was last read (same modification time and size) is
 * not read and parsed again: the dev server rebuilds the book model after every save, and reading
 * every chapter of a 200-chapter book each time cost more than the edit itself. Each call returns a
 * new `file` (VFile) holding the messages of the read, since the model and the checks add their own.
 */
export function readChapterFileOnce(absolutePath: string, root: string): ChapterFile {
  let stamp: string;
  try {
    const stats = statSync(absolutePath);
    stamp = `${stats.mtimeMs}:${stats.size}:${root}`;
  } catch {
    return readChapterFile(absolutePath, root);
  }
  let kept = reads.get(absolutePath);
  if (kept?.stamp !== stamp) {
    const chapter = readChapterFile(absolutePath, root);
    kept = { stamp, chapter, messages: [...chapter.file.messages] };
    reads.set(absolutePath, kept);
  }
  const file = new VFile({ path: kept.chapter.file.path, cwd: kept.chapter.file.cwd, value: kept.chapter.file.value });
  file.messages.push(...kept.messages);
  return { ...kept.chapter, file };
}
