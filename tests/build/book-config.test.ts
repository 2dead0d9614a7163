/**
 * The book's settings reach every part of a real build from content/book.yaml: the pages' language,
 * the base path, the .bib file citations resolve against (and that error messages name), the site URL.
 */
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';
import { makeTempDir } from '../support/temp-dir.js';

/** A copy of the sample book with `settings` added to its structure file and its .bib moved to refs/works.bib. */
function sampleBookWith(settings: string, chapterEdit: (source: string) => string = (source) => source): string {
  const root = makeTempDir('book-settings-');
  cpSync(fixture('sample-book'), root, { recursive: true });
  mkdirSync(path.join(root, 'refs'));
  renameSync(path.join(root, 'bib/references.bib'), path.join(root, 'refs/works.bib'));
  const structure = path.join(root, 'content/book.yaml');
  writeFileSync(structure, `${settings}${readFileSync(structure, 'utf8')}`);
  const chapter = path.join(root, 'content/part-one/s-1-math.mdx');
  writeFileSync(chapter, chapterEdit(readFileSync(chapter, 'utf8')));
  return root;
}

const SETTINGS = 'language: en-GB\nbase: /rai/\nsiteUrl: https://example.org/rai/\nbibliography: refs/works.bib\n';

describe('the book’s settings in a build', () => {
  it('should build pages in the book’s language, under its base path, citing from its .bib', async () => {
    const { code, output, outDir } = await astroBuild({ bookRoot: sampleBookWith(SETTINGS) });
    expect(code, output).toBe(0);
    const home = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(home).toMatch(/<html lang="en-GB"/);
    // Links to chapters live under the base path.
    expect(home).toMatch(/href="\/rai\/[a-z0-9-]+\/"/);
    expect(home).not.toMatch(/href="\/(?!rai\/)[a-z0-9-]+\/"/);
    const chapter = readFileSync(path.join(outDir, readdirChapter(outDir)), 'utf8');
    // The citation resolved against refs/works.bib: a linked author–year citation and a reference entry.
    expect(chapter).toMatch(/<li id="ref-hardt2016equality" class="reference">/);
  });

  it('should name the configured .bib in an unknown-key error', async () => {
    const root = sampleBookWith(SETTINGS, (source) => source.replace('{cite:p}`hardt2016equality`', '{cite:p}`hardt2016equalty`'));
    const { code, output } = await astroBuild({ bookRoot: root });
    expect(code).not.toBe(0);
    expect(output).toMatch(/Unknown citation key `hardt2016equalty`, expected a key from refs\/works\.bib \(did you mean `hardt2016equality`\?\)\s+\[citation-key-exists\]/);
  });
});

/** The built page of the sample book's math chapter (the one that cites). */
function readdirChapter(outDir: string): string {
  const slug = /^slug:\s*(\S+)/m.exec(readFileSync(fixture('sample-book/content/part-one/s-1-math.mdx'), 'utf8'))?.[1];
  return path.join(slug ?? '', 'index.html');
}
