/**
 * A self-check question's label is a label of the book like any other: collected with the
 * cross-reference targets (so `{ref}` links to the question, with its text), and unique in the book
 * (a second use, even by a heading in another chapter, is reported at the second place).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildBookModel } from '../../../src/book/book-model.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { chapterParser } from '../../../src/book/check-chapters.js';
import { collectCrossReferenceTargets } from '../../../src/book/cross-reference-targets.js';
import { resolveCrossReferences } from '../../../src/markdown/crossrefs/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

function writeBook(files: Record<string, string>) {
  const root = makeTempDir('self-check-book-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const paths = bookPaths(root);
  return { root, paths, targets: collectCrossReferenceTargets(buildBookModel(paths), paths) };
}

const chapter = (id: string, slug: string, body: string) => `---\nid: ${id}\ntitle: Chapter ${id}\nslug: ${slug}\ndescription: A chapter.\n---\n\n${body}\n`;
const QUESTION = '```{self-check} Which rate is *conditioned* on the outcome?\n:label: sc-rate\n- [x] TPR\n- [ ] Selection rate\n\nTPR conditions on Y = 1.\n```';
const BOOK = 'title: T\nauthors: [A]\nparts:\n  - title: One\n    chapters: [a-1, a-2]\n';

describe('self-check labels', () => {
  it('should be cross-reference targets that {ref} links with the question’s text', () => {
    const { root, targets } = writeBook({
      'content/book.yaml': BOOK,
      'content/one/a-1.mdx': chapter('a-1', 'first', `## Check your understanding\n\n${QUESTION}`),
      'content/one/a-2.md': chapter('a-2', 'second', 'Text.'),
    });
    expect(targets.labels.get('sc-rate')).toMatchObject({ kind: 'section', chapterId: 'a-1', anchor: 'sc-rate', title: 'Which rate is conditioned on the outcome?' });
    expect(targets.files.flatMap((file) => file.messages)).toEqual([]);
    const file = new VFile({ path: path.join(root, 'content/one/a-2.md'), value: 'Try {ref}`sc-rate`.' });
    const processor = chapterParser('a-2.md').use(remarkMystRoles);
    const tree = processor.runSync(processor.parse(file), file) as Root;
    resolveCrossReferences(tree, file, targets, '/');
    const html = unified().use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file));
    expect(html).toContain('<a href="/first/#sc-rate" class="xref xref-section" data-preview="">Which rate is conditioned on the outcome?</a>');
  });

  it('should be unique in the book, with headings’ labels too', () => {
    const { targets } = writeBook({
      'content/book.yaml': BOOK,
      'content/one/a-1.mdx': chapter('a-1', 'first', `## Check your understanding\n\n${QUESTION}`),
      'content/one/a-2.md': chapter('a-2', 'second', '(sc-rate)=\n## A section\n\nText.'),
    });
    const messages = targets.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line} ${message.ruleId} ${message.reason}`));
    expect(messages).toEqual([expect.stringMatching(/^content\/one\/a-2\.md:9 label-unique Duplicate label `sc-rate`: it is already defined at content\/one\/a-1\.mdx:10;/)]);
  });
});
