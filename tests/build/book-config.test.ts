/**
 * The book's settings reach every part of a real build from content/book.yaml: the pages' language,
 * the base path, the .bib file citations resolve against (and that error messages name), the site URL;
 * the metadata other programs read (canonical URL, OpenGraph, Highwire `citation_*` for Zotero and
 * Google Scholar), sitemap.xml and robots.txt.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

const SETTINGS = 'language: en-GB\nbase: /rai/\nsiteUrl: https://example.org/rai/\nbibliography: refs/works.bib\npublished: 2026-09-01\nedition: 2nd\n';

/** The `content` of every `<meta name|property=…>` on a page, by name. */
function metaTags(html: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const match of html.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)"/g)) {
    tags.set(match[1] as string, [...(tags.get(match[1] as string) ?? []), match[2] as string]);
  }
  return tags;
}

describe('the book’s settings in a build', () => {
  it('should build pages in the book’s language, under its base path, citing from its .bib', async () => {
    const { code, output, outDir } = await astroBuild({ bookRoot: sampleBookWith(SETTINGS) });
    expect(code, output).toBe(0);
    const home = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(home).toMatch(/<html lang="en-GB"/);
    // Links to chapters live under the base path.
    expect(home).toMatch(/href="\/rai\/[a-z0-9-]+\/"/);
    expect(home).not.toMatch(/href="\/(?!rai\/)[a-z0-9-]+\/"/);
    const chapter = readFileSync(path.join(outDir, chapterPage()), 'utf8');
    // The citation resolved against refs/works.bib: a linked author–year citation and a reference entry.
    expect(chapter).toMatch(/<li id="ref-hardt2016equality" class="reference">/);

    // What Zotero and Google Scholar read: the chapter as a section of the book, from the book's settings.
    const chapterUrl = `https://example.org/rai/${path.dirname(chapterPage())}/`;
    const tags = metaTags(chapter);
    expect(tags.get('citation_title')).toEqual(['Math in MDX']);
    expect(tags.get('citation_author')).toEqual(['Test Author']);
    expect(tags.get('citation_inbook_title')).toEqual(['Sample Book']);
    expect(tags.get('citation_publication_date')).toEqual(['2026/09/01']);
    expect(tags.get('citation_edition')).toEqual(['2nd']);
    expect(tags.get('citation_language')).toEqual(['en-GB']);
    expect(tags.get('citation_public_url')).toEqual([chapterUrl]);
    expect(tags.get('og:url')).toEqual([chapterUrl]);
    expect(tags.get('og:type')).toEqual(['article']);
    expect(chapter).toContain(`<link rel="canonical" href="${chapterUrl}">`);
    // The home page is the book, not a chapter.
    expect(metaTags(home).get('citation_title')).toBeUndefined();
    expect(metaTags(home).get('og:title')).toEqual(['Sample Book']);

    // Every published chapter and the reference pages (syllabus, bibliography, glossary, resources) in the sitemap, none of the planned ones.
    const sitemap = readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locations).toContain('https://example.org/rai/');
    expect(locations).toContain(chapterUrl);
    expect(locations.filter((url) => /example\.org\/rai\/[a-z0-9-]+\/$/.test(url as string))).toHaveLength(2 + 4);
    expect(locations).not.toContain('https://example.org/rai/search/');
    expect(readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/rai/sitemap.xml');
  });

  it('should say once that a book without a site URL gets no sitemap or canonical URLs', async () => {
    const { code, output, outDir } = await astroBuild({ bookRoot: fixture('sample-book') });
    expect(code, output).toBe(0);
    expect(output.match(/No `siteUrl` in content\/book\.yaml: no sitemap\.xml/g)).toHaveLength(1);
    // One warning says all that a missing site URL changes, copy-link buttons and citations included.
    expect(output).toMatch(/No `siteUrl` in content\/book\.yaml: .*copied links use the address the page is served from, and citations of the book have no URL/);
    expect(output.match(/siteUrl/g)).toHaveLength(2);
    expect(existsSync(path.join(outDir, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).not.toContain('Sitemap');
    const chapter = readFileSync(path.join(outDir, chapterPage()), 'utf8');
    expect(chapter).not.toContain('rel="canonical"');
    expect(metaTags(chapter).get('citation_title')).toEqual(['Math in MDX']);
  });

  it('should name the configured .bib in an unknown-key error', async () => {
    const root = sampleBookWith(SETTINGS, (source) => source.replace('{cite:p}`hardt2016equality`', '{cite:p}`hardt2016equalty`'));
    const { code, output } = await astroBuild({ bookRoot: root });
    expect(code).not.toBe(0);
    expect(output).toMatch(/Unknown citation key `hardt2016equalty`, expected a key from refs\/works\.bib \(did you mean `hardt2016equality`\?\)\s+\[citation-key-exists\]/);
  });
});

/** The built page of the sample book's math chapter (the one that cites), as a path below the output folder. */
function chapterPage(): string {
  const slug = /^slug:\s*(\S+)/m.exec(readFileSync(fixture('sample-book/content/part-one/s-1-math.mdx'), 'utf8'))?.[1];
  return path.join(slug ?? '', 'index.html');
}
