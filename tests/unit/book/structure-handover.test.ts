/**
 * Rendering hands each chapter's tree to the book right after the structural plugins
 * (src/markdown/structure-handover/), and the book context indexes a chapter whose kept indexes are
 * stale from that tree instead of parsing it again: in dev, the chapter just saved is served without a
 * second parse. What it finds that way must be exactly what its own structural pass finds: targets
 * (with their lines, which Astro counts without the frontmatter in `.md` files), citations in order
 * with their sections, and counts.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { type BookContext, createBookContext } from '../../../src/book/book-context.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import type { ChapterFile } from '../../../src/book/chapter-files.js';
import { structuralRemarkPlugins } from '../../../src/markdown/pipeline.js';
import remarkStructureHandover from '../../../src/markdown/structure-handover/index.js';
import { describeCounts } from '../../../src/process/build-counts.js';
import { makeTempDir } from '../../support/temp-dir.js';

const structuralParses = () => Number(/structural parses (\d+)/.exec(describeCounts())?.[1]);

/**
 * The text Astro renders of a chapter file (its `parseFrontmatter`): an `.mdx` file with its
 * frontmatter blanked out by spaces (the same lines), a `.md` file's body without its frontmatter.
 */
function renderedText(chapterFile: ChapterFile): string {
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---/.exec(chapterFile.source)?.[0];
  if (!frontmatter) return chapterFile.source;
  return chapterFile.path.endsWith('.mdx')
    ? frontmatter.replace(/[^\r\n]/g, ' ') + chapterFile.source.slice(frontmatter.length)
    : chapterFile.source.slice(frontmatter.length);
}

/** Render a chapter's text as far as the structural plugins, handing its tree to `book`. */
function render(book: BookContext, publicDir: string, filePath: string, text: string): void {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (filePath.endsWith('.mdx')) processor.use(remarkMdx);
  processor
    .use(structuralRemarkPlugins({ publicDir, chapterOfFile: (file) => book.chapterOfFile(file) }) as PluggableList)
    .use(remarkStructureHandover, { structured: (file, source, tree) => book.structured(file, source, tree) });
  const file = new VFile({ path: filePath, value: text });
  processor.runSync(processor.parse(file), file);
}

/** What the whole-book indexes hold, comparable. */
function indexesOf(book: BookContext) {
  return {
    labels: [...book.targets().labels.values()],
    targetMessages: book.targets().files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}: ${message.reason}`)),
    citations: book.citations(),
    counts: [...book.counts()],
  };
}

describe('indexing a chapter from its render', () => {
  // The real book (.mdx), a MyST book with a `.md` chapter whose frontmatter shifts its lines, and a
  // book with duplicate labels (messages at lines).
  const books = { 'the book': '.', 'myst-book': 'tests/fixtures/myst-book', 'xref-errors': 'tests/fixtures/xref-errors' };
  for (const [name, root] of Object.entries(books)) {
    it(`should find in ${name} what the structural pass finds, without parsing the rendered chapters again`, () => {
      const paths = bookPaths(path.resolve(root));
      const handed = createBookContext(paths);
      const model = handed.model();
      for (const chapterFile of model.chapterFiles.values()) render(handed, paths.public, chapterFile.path, renderedText(chapterFile));
      const before = structuralParses();
      const found = indexesOf(handed);
      expect(structuralParses()).toBe(before);

      const expected = indexesOf(createBookContext(paths));
      expect(structuralParses()).toBe(before + model.chapterFiles.size);
      expect(found).toEqual(expected);
      expect(found.labels.length).toBeGreaterThan(0);
      if (name === 'myst-book') expect(found.labels.some((label) => label.file.endsWith('.md') && (label.line ?? 0) > 3)).toBe(true);
      if (name === 'xref-errors') expect(found.targetMessages).toEqual([expect.stringMatching(/:\d+: Duplicate label/)]);
    });
  }

  it('should parse the chapter itself when the render was of another text than its file (saved again meanwhile)', () => {
    const root = makeTempDir('handover-');
    cpSync(path.resolve('tests/fixtures/myst-book'), root, { recursive: true });
    const paths = bookPaths(root);
    const chapterPath = path.join(root, 'content/part-one/1-2-mdx.mdx');
    const saved = readFileSync(chapterPath, 'utf8').replace(/^## .*$/m, '(another-label)=\n## Another section\n\n$&');

    // Rendered from the new text while the file still holds the old one: not taken.
    const stale = createBookContext(paths);
    const chapterFile = [...stale.model().chapterFiles.values()].find((file) => file.path === chapterPath)!;
    render(stale, paths.public, chapterPath, renderedText({ ...chapterFile, source: saved }));
    let before = structuralParses();
    expect([...stale.targets().labels.keys()]).not.toContain('another-label');
    expect(structuralParses() - before).toBe(stale.model().chapterFiles.size);

    // The same render once the file holds that text: taken, and only the other chapters are parsed.
    writeFileSync(chapterPath, saved);
    const fresh = createBookContext(paths);
    render(fresh, paths.public, chapterPath, renderedText({ ...chapterFile, source: saved }));
    before = structuralParses();
    expect([...fresh.targets().labels.keys()]).toContain('another-label');
    expect(structuralParses() - before).toBe(fresh.model().chapterFiles.size - 1);
  });
});
