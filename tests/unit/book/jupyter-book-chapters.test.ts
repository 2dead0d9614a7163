/**
 * Chapters as Jupyter Book writes them: only an `id` in the frontmatter, the title as the first
 * `# Heading`, ids with capitals (`4-1-GenAI`); the title is shown once, the slug defaults to the id in
 * lowercase, and ids that differ only in case are an error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { buildBookModel } from '../../../src/book/book-model.js';
import { bookPaths } from '../../../src/book/book-paths.js';
import { collectCrossReferenceTargets } from '../../../src/book/cross-reference-targets.js';
import { headingTitle } from '../../../src/book/chapter-heading-title.js';
import { removeTitleHeading } from '../../../src/markdown/chapter-title/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

function build(files: Record<string, string>) {
  const root = makeTempDir('jupyter-book-chapters-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return buildBookModel(bookPaths(root));
}

const STRUCTURE = 'title: A Book\nauthors:\n  - An Author\nparts:\n  - title: Part\n    chapters:\n';

describe('headingTitle', () => {
  it('should take the first heading when it is a `# Heading`, its Markdown reduced to text, with its line', () => {
    expect(headingTitle('---\nid: a\n---\n\n# Responsible *AI* in the `GenAI` Age {#top}\n\n## A section\n')).toEqual({ title: 'Responsible AI in the GenAI Age', line: 5 });
  });

  it('should ignore headings inside code and directive fences, and give none when the first heading is `##`', () => {
    expect(headingTitle('```python\n# a comment\n```\n\n:::{note}\n# Not a title\n:::\n\n# The Title\n')).toEqual({ title: 'The Title', line: 9 });
    expect(headingTitle('## A section\n\n# Later\n')).toBeUndefined();
  });
});

describe('removeTitleHeading', () => {
  it('should remove the first heading when it is level 1, and only then', () => {
    const tree = unified().use(remarkParse).parse('# Title\n\nText.\n\n# Another\n') as Root;
    removeTitleHeading(tree);
    expect(tree.children.map((node) => node.type === 'heading' ? `h${node.depth}` : node.type)).toEqual(['paragraph', 'h1']);
    const sections = unified().use(remarkParse).parse('## Section\n\n# Later\n') as Root;
    removeTitleHeading(sections);
    expect(sections.children).toHaveLength(2);
  });
});

describe('the book model with Jupyter Book chapters', () => {
  it('should take the title from `# Heading`, default the slug to the id in lowercase, and keep the id’s case', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE}      - 4-1-GenAI\n`,
      'content/p/4-1-GenAI.md': '---\nid: 4-1-GenAI\n---\n\n# Responsible AI in the Age of Generative AI\n\nText.\n',
    });
    expect(model.files.flatMap((file) => file.messages)).toEqual([]);
    expect(model.chapters).toMatchObject([{ id: '4-1-GenAI', slug: '4-1-genai', title: 'Responsible AI in the Age of Generative AI', description: undefined }]);
  });

  it('should report a chapter without any title, a title given twice, and ids that differ only in case', () => {
    const model = build({
      'content/book.yaml': `${STRUCTURE}      - a-One\n      - a-one\n      - b-two\n`,
      'content/p/a-One.md': '---\nid: a-One\n---\n\nNo heading.\n',
      'content/p/a-one.md': '---\nid: a-one\ntitle: One\nslug: one-lower\n---\n\nText.\n',
      'content/p/b-two.md': '---\nid: b-two\ntitle: Two\n---\n\n# Second\n',
    });
    const messages = model.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line} ${message.ruleId} ${message.reason}`));
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^content\/p\/a-One\.md:1 chapter-title The chapter has no title: add `title:` to its frontmatter, or start the chapter with a `# Heading`/),
        expect.stringMatching(/^content\/p\/a-one\.md:2 chapter-unique Chapter id `a-one` differs only in case from `a-One`/),
        expect.stringMatching(/^content\/p\/b-two\.md:6 chapter-title The chapter's title is given twice: `title: Two` in the frontmatter and `# Second`/),
      ]),
    );
  });
});

describe('cross-reference targets of MyST constructs', () => {
  it('should collect bare amsmath and `{math}` equations, and named admonitions, as the whole-book pass parses them', () => {
    const root = makeTempDir('jupyter-book-targets-');
    const files: Record<string, string> = {
      'content/book.yaml': `${STRUCTURE}      - 2-1-Eq\n`,
      'content/p/2-1-Eq.md':
        '---\nid: 2-1-Eq\n---\n\n# Equations\n\n\\begin{align*}\na &= b \\label{eq-align}\n\\end{align*}\n\n```{math}\n:label: eq-directive\nc = d\n```\n\n:::{tip} Remember this\n:name: tip-remember\nText.\n:::\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    const paths = bookPaths(root);
    const targets = collectCrossReferenceTargets(buildBookModel(paths), paths);
    expect(Object.fromEntries([...targets.labels].map(([label, target]) => [label, [target.kind, target.number ?? target.title, target.line]]))).toEqual({
      'eq-align': ['equation', '1.1.1', 7],
      'eq-directive': ['equation', '1.1.2', 11],
      'tip-remember': ['section', 'Remember this', 16],
    });
  });
});
