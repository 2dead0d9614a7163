/**
 * The book model joins content/book.yaml and the chapters' frontmatter; every mismatch is a message on
 * the file at fault, at the line of the entry or field. Each test writes a small book to a temporary folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { type BookModel, buildBookModel } from '../../../src/book/book-model.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** Write `files` (path below the book root → text) to a new temporary book root. */
function writeBook(files: Record<string, string>): string {
  const root = makeTempDir('book-model-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** A chapter file with valid frontmatter (fields may be overridden), then a short body. */
function chapter(id: string, fields: Record<string, string> = {}): string {
  const all = { id, title: `Title of ${id}`, slug: id, description: `What ${id} teaches.`, ...fields };
  return `---\n${Object.entries(all)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n')}\n---\n\nBody of ${id}.\n`;
}

const STRUCTURE_HEAD = 'title: A Small Book\nauthors:\n  - An Author\n';

function build(files: Record<string, string>): BookModel {
  return buildBookModel(bookPaths(writeBook(files)));
}

/** The messages of the file at `displayPath`, as the summary shows them. */
function messagesOf(model: BookModel, displayPath: string) {
  const file: VFile | undefined = model.files.find((candidate) => candidate.path === displayPath);
  expect(file, `no messages file for ${displayPath}`).toBeDefined();
  return file?.messages ?? [];
}

function allMessages(model: BookModel) {
  return model.files.flatMap((file) => file.messages);
}

describe('buildBookModel on a valid book', () => {
  const model = build({
    'content/book.yaml': `${STRUCTURE_HEAD}firstPartNumber: 0\nparts:\n  - title: Overview\n    chapters:\n      - 0-1-intro\n      - 0-2-framework\n  - title: Fairness\n    chapters:\n      - 1-1-intro\n`,
    'content/0-overview/0-1-intro.mdx': chapter('0-1-intro', { slug: 'intro' }),
    'content/0-overview/0-2-framework.md': chapter('0-2-framework'),
    'content/1-fairness/1-1-intro.mdx': chapter('1-1-intro', { objectives: '\n  - Define bias' }),
  });

  it('should derive chapter numbers from the order of parts and chapters and firstPartNumber', () => {
    expect(model.chapters.map((entry) => [entry.id, entry.number])).toEqual([
      ['0-1-intro', '0.1'],
      ['0-2-framework', '0.2'],
      ['1-1-intro', '1.1'],
    ]);
    expect(model.parts.map((part) => [part.number, part.title, part.chapters.length])).toEqual([
      [0, 'Overview', 2],
      [1, 'Fairness', 1],
    ]);
  });

  it('should take titles, slugs and objectives from the frontmatter, and the files relative to the root', () => {
    expect(model.title).toBe('A Small Book');
    expect(model.authors).toEqual(['An Author']);
    expect(model.chapters[0]).toMatchObject({ id: '0-1-intro', title: 'Title of 0-1-intro', slug: 'intro', planned: false, partIndex: 0, file: 'content/0-overview/0-1-intro.mdx' });
    expect(model.chapters[2]).toMatchObject({ objectives: ['Define bias'], partIndex: 1 });
    expect([...model.chapterFiles.keys()]).toEqual(['0-1-intro', '0-2-framework', '1-1-intro']);
  });

  it('should report nothing', () => {
    expect(model.files.map((file) => file.path)).toEqual([
      'content/book.yaml',
      'content/0-overview/0-1-intro.mdx',
      'content/0-overview/0-2-framework.md',
      'content/1-fairness/1-1-intro.mdx',
    ]);
    expect(allMessages(model)).toHaveLength(0);
  });

  it('should number the first part 1 when firstPartNumber is not given', () => {
    const numbered = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n      - b-chapter\n`,
      'content/a.mdx': chapter('a-chapter'),
      'content/b.mdx': chapter('b-chapter'),
    });
    expect(numbered.chapters.map((entry) => entry.number)).toEqual(['1.1', '1.2']);
    expect(allMessages(numbered)).toHaveLength(0);
  });
});

describe('buildBookModel on planned chapters', () => {
  it('should list a planned chapter in its part but not publish it, with a warning at its entry', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n      - { id: b-chapter, title: Coming Soon, planned: true }\n`,
      'content/a.mdx': chapter('a-chapter'),
    });
    expect(model.parts[0]?.chapters.map((entry) => [entry.id, entry.number, entry.title, entry.planned])).toEqual([
      ['a-chapter', '1.1', 'Title of a-chapter', false],
      ['b-chapter', '1.2', 'Coming Soon', true],
    ]);
    expect(model.chapters.map((entry) => entry.id)).toEqual(['a-chapter']);
    expect(model.chapterFiles.has('b-chapter')).toBe(false);
    const messages = messagesOf(model, 'content/book.yaml');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'chapter-planned', fatal: false, line: 8, column: 9 });
    expect(messages[0]?.reason).toBe('Chapter `b-chapter` is planned: it is shown in the contents as forthcoming');
  });

  it('should keep a planned chapter’s file as an unpublished draft', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - id: a-chapter\n        planned: true\n`,
      'content/a.mdx': chapter('a-chapter'),
    });
    expect(model.chapters).toHaveLength(0);
    expect(model.parts[0]?.chapters[0]).toMatchObject({ id: 'a-chapter', planned: true, title: 'Title of a-chapter', file: 'content/a.mdx' });
    const messages = allMessages(model);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'chapter-planned', fatal: false, line: 7, column: 9 });
    expect(messages[0]?.reason).toContain('its file content/a.mdx is a draft and is not published until `planned: true` is removed');
  });
});

describe('buildBookModel on mismatches between book.yaml and the files', () => {
  it('should report a listed chapter without a file at its entry, suggesting `planned: true`', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n      - b-chaptr\n`,
      'content/a.mdx': chapter('a-chapter'),
      'content/b.mdx': chapter('b-chapter'),
    });
    const messages = messagesOf(model, 'content/book.yaml');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'structure-matches-files', fatal: true, line: 8, column: 9 });
    expect(messages[0]?.reason).toBe(
      'Chapter `b-chaptr` is listed in content/book.yaml but no chapter file under content/ has `id: b-chaptr` (did you mean `b-chapter`?); create the file, or mark the entry `planned: true`',
    );
    expect(model.chapters.map((entry) => entry.id)).toEqual(['a-chapter']);
  });

  it('should report a chapter file that book.yaml does not list, naming the file and its id', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n`,
      'content/a.mdx': chapter('a-chapter'),
      'content/extra/stray.md': chapter('stray-chapter'),
    });
    expect(messagesOf(model, 'content/book.yaml')).toHaveLength(0);
    const messages = messagesOf(model, 'content/extra/stray.md');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'structure-matches-files', fatal: true, line: 1, column: 1 });
    expect(messages[0]?.reason).toBe(
      "Chapter `stray-chapter` (content/extra/stray.md) is not listed in content/book.yaml; add `- stray-chapter` to a part's chapters there, or remove the file",
    );
  });

  it('should report two files with the same id on the second one, naming the first', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n`,
      'content/a.mdx': chapter('a-chapter'),
      'content/b.mdx': chapter('a-chapter', { slug: 'other-slug' }),
    });
    expect(messagesOf(model, 'content/a.mdx')).toHaveLength(0);
    const messages = messagesOf(model, 'content/b.mdx');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'chapter-unique', fatal: true, line: 2, column: 5 });
    expect(messages[0]?.reason).toBe('Chapter id `a-chapter` is already used by content/a.mdx; ids must be unique');
    expect(model.chapters.map((entry) => entry.file)).toEqual(['content/a.mdx']);
  });

  it('should report two files with the same slug, at the second one’s slug line', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n      - b-chapter\n`,
      'content/a.mdx': chapter('a-chapter', { slug: 'same' }),
      'content/b.mdx': chapter('b-chapter', { slug: 'same' }),
    });
    const messages = allMessages(model);
    expect(messages).toHaveLength(1);
    expect(messagesOf(model, 'content/b.mdx')[0]).toMatchObject({ ruleId: 'chapter-unique', fatal: true, line: 4, column: 7 });
    expect(messages[0]?.reason).toBe('Slug `same` is already used by content/a.mdx; slugs must be unique');
  });

  it('should report a chapter listed twice at its second entry', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n  - title: Two\n    chapters:\n      - a-chapter\n`,
      'content/a.mdx': chapter('a-chapter'),
    });
    const messages = messagesOf(model, 'content/book.yaml');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'chapter-unique', fatal: true, line: 10, column: 9 });
    expect(messages[0]?.reason).toBe('Chapter `a-chapter` is listed twice in content/book.yaml; list each chapter once');
    expect(model.chapters.map((entry) => entry.number)).toEqual(['1.1']);
  });
});

describe('buildBookModel on invalid files', () => {
  it('should report an invalid frontmatter field at its line in the file', () => {
    // Line 1 is `---`, so `slug:` (the third field) is on line 4; its value starts at column 7.
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n`,
      'content/a.mdx': chapter('a-chapter', { slug: 'has spaces' }),
    });
    const messages = messagesOf(model, 'content/a.mdx');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'frontmatter-valid', fatal: true, line: 4, column: 7 });
    expect(messages[0]?.reason).toContain('Invalid frontmatter field `slug`: use lowercase letters, digits and dashes');
    // Without valid frontmatter the chapter has no file, which book.yaml reports too.
    expect(messagesOf(model, 'content/book.yaml')[0]).toMatchObject({ ruleId: 'structure-matches-files', line: 7 });
  });

  it('should report a missing frontmatter field at the frontmatter’s opening line', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n`,
      'content/a.mdx': '---\ntitle: A\nslug: a\n---\n',
    });
    const messages = messagesOf(model, 'content/a.mdx');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'frontmatter-valid', fatal: true, line: 1, column: 1 });
    // Only the id is required: a Jupyter Book chapter's title is its first `# Heading`, its slug the id.
    expect(messages[0]?.reason).toContain('Invalid frontmatter field `id`');
  });

  it('should report a chapter file without frontmatter', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - a-chapter\n`,
      'content/a.mdx': '# No frontmatter\n',
    });
    const messages = messagesOf(model, 'content/a.mdx');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'frontmatter-valid', fatal: true, line: 1, column: 1 });
    expect(messages[0]?.reason).toContain('The chapter has no frontmatter');
  });

  it('should report invalid YAML in book.yaml at its position, and build no chapters', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters: [a-chapter\n`,
      'content/a.mdx': chapter('a-chapter'),
    });
    const messages = messagesOf(model, 'content/book.yaml');
    // The unclosed `[` is found at the end of the file (line 7).
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'structure-valid', fatal: true, line: 7, column: 1 });
    expect(messages[0]?.reason).toMatch(/^Invalid YAML: Flow sequence/);
    expect(model.chapters).toHaveLength(0);
    // With no structure, the chapter files are not judged against it.
    expect(messagesOf(model, 'content/a.mdx')).toHaveLength(0);
  });

  it('should report a book.yaml field of the wrong shape at that field', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE_HEAD}parts:\n  - title: One\n    chapters:\n      - Not An Id\n`,
      'content/a.mdx': chapter('a-chapter'),
    });
    const messages = messagesOf(model, 'content/book.yaml');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'structure-valid', fatal: true, line: 7, column: 9 });
    expect(messages[0]?.reason).toBe('Invalid structure at `parts.0.chapters.0`: use letters, digits and dashes, e.g. `1-3-mitigation` or `4-1-GenAI`');
  });

  it('should report a missing book.yaml', () => {
    const model = build({ 'content/a.mdx': chapter('a-chapter') });
    const messages = messagesOf(model, 'content/book.yaml');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'structure-valid', fatal: true, line: undefined });
    expect(messages[0]?.reason).toContain('The structure file is missing');
    expect(model.parts).toHaveLength(0);
  });

  it('should report a missing book.yaml rather than throw when there is no content folder', () => {
    const model = buildBookModel(bookPaths(writeBook({})));
    expect(model.files.map((file) => file.path)).toEqual(['content/book.yaml']);
    expect(allMessages(model)).toHaveLength(1);
    expect(allMessages(model)[0]).toMatchObject({ ruleId: 'structure-valid', fatal: true });
  });
});
