/**
 * The dev server's content check: after a save it checks again only what the save can have changed,
 * and says when pages must be rendered again. A small book in a temporary folder, edited between runs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookPaths } from '../../../src/book/book-paths.js';
import { DevContentCheck } from '../../../src/integrations/dev-content-check.js';
import { makeTempDir } from '../../support/temp-dir.js';

const BIB = '@article{known2020,\n  author = {Doe, Jane},\n  title = {A Known Work},\n  journal = {J},\n  year = {2020}\n}\n';

function writeBook(): string {
  const root = makeTempDir('dev-check-');
  const files: Record<string, string> = {
    'content/book.yaml': 'title: A Book\nauthors: [An Author]\nparts:\n  - title: One\n    chapters:\n      - a\n      - b\n',
    'content/p/a.md': '---\nid: a\ntitle: Chapter A\nslug: a\n---\n\n## Start\n\nA cites {cite:p}`known2020`.\n',
    'content/p/b.md': '---\nid: b\ntitle: Chapter B\nslug: b\n---\n\n## Start\n\nB links {doc}`a`.\n',
    'bib/references.bib': BIB,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

describe('the dev content check', () => {
  it('should check again only the chapter whose text changed, and everything when the .bib keys change', async () => {
    const root = writeBook();
    const check = new DevContentCheck(bookPaths(root));
    const first = await check.run();
    expect(first).toMatchObject({ checked: 2, chapters: 2, problems: [] });
    expect((await check.run()).checked).toBe(0);

    // An edit of A's text: A alone, and nothing other pages show has changed.
    edit(path.join(root, 'content/p/a.md'), (text) => text.replace('A cites', 'Chapter A cites'));
    const text = await check.run();
    expect(text.checked).toBe(1);
    expect(text.renderInputs).toBe(first.renderInputs);

    // An unknown key: reported at its place in A (line 9, `Chapter A cites ` is 16 characters).
    edit(path.join(root, 'content/p/a.md'), (text) => text.replace('known2020', 'later2024'));
    const unknown = await check.run();
    expect(unknown.checked).toBe(1);
    expect(unknown.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.ruleId}`)).toEqual(['content/p/a.md:9:17 citation-key-exists']);

    // The key added to the .bib: every chapter checked again, the problem gone, pages to render again.
    writeFileSync(path.join(root, 'bib/references.bib'), `${BIB}\n${BIB.replace('known2020', 'later2024')}`);
    const fixed = await check.run();
    expect(fixed).toMatchObject({ checked: 2, problems: [] });
    expect(fixed.renderInputs).not.toBe(unknown.renderInputs);
  });

  it('should see a chapter added to the book and a section title other chapters show', async () => {
    const root = writeBook();
    const check = new DevContentCheck(bookPaths(root));
    const first = await check.run();
    expect(first.published).toEqual(['p/a.md', 'p/b.md']);

    writeFileSync(path.join(root, 'content/p/c.md'), '---\nid: c\ntitle: Chapter C\nslug: c\n---\n\nNew.\n');
    const unlisted = await check.run();
    expect(unlisted.problems.map((problem) => problem.ruleId)).toEqual(['structure-matches-files']);
    edit(path.join(root, 'content/book.yaml'), (text) => `${text}      - c\n`);
    const listed = await check.run();
    expect(listed.published).toEqual(['p/a.md', 'p/b.md', 'p/c.md']);
    expect(listed.problems).toEqual([]);

    // A labelled section's title is what `{ref}` links elsewhere show: pages must be rendered again.
    edit(path.join(root, 'content/p/a.md'), (text) => text.replace('## Start', '(a-start)=\n## Start'));
    const labelled = await check.run();
    edit(path.join(root, 'content/p/a.md'), (text) => text.replace('## Start', '## Beginning'));
    expect((await check.run()).renderInputs).not.toBe(labelled.renderInputs);
  });

  it('should see a figure added under public/ once the dev server reports it, without a restart', async () => {
    const root = writeBook();
    const figure = '\n```{figure} /figures/loop.svg\n:name: fig-loop\n:alt: A loop.\nThe loop.\n```\n';
    edit(path.join(root, 'content/p/b.md'), (text) => text + figure);
    const paths = bookPaths(root);
    const check = new DevContentCheck(paths);
    const missing = await check.run();
    expect(missing.problems.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([expect.stringMatching(/^content\/p\/b\.md:11 .*figures\/loop\.svg/)]);

    mkdirSync(path.join(paths.public, 'figures'), { recursive: true });
    writeFileSync(path.join(paths.public, 'figures/loop.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>');
    // The file watcher's report (src/integrations/dev-server.ts): until then the kept structures stand.
    expect((await check.run()).problems).toHaveLength(1);
    check.filesChanged();
    const found = await check.run();
    expect(found.problems).toEqual([]);
    expect(found.checked).toBe(2);
  });
});
