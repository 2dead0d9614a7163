/**
 * The book's smart punctuation must give exactly what Astro's `smartypants` option (remark-smartypants)
 * gives, which it replaces, but for one mistake of it that the book corrects (an apostrophe after
 * inline math or a role, curled as an opening quote): on every chapter of the book, on the test books' chapters, and on the
 * cases where the two retext passes matter (quotes around links and emphasis, dashes, ellipses,
 * backtick quotes, inline code, MDX script text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkSmartypants from 'remark-smartypants';
import { type PluggableList, unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { chapterParser } from '../../../src/book/check-chapters.js';
import { structuralRemarkPlugins } from '../../../src/markdown/pipeline.js';
import remarkSmartPunctuation, { apostrophesAfterLeaves, smartPunctuationOf } from '../../../src/markdown/smart-punctuation/index.js';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * The tree smart punctuation meets when a chapter is rendered: parsed as the book parses a chapter
 * (frontmatter, GFM, MDX for `.mdx`, and the syntax its plugins add: math, roles, directives), with GFM's
 * transforms run and none of the book's.
 */
function parse(source: string, mdx: boolean): Root {
  const syntax = chapterParser(mdx ? 'chapter.mdx' : 'chapter.md').use(structuralRemarkPlugins({ publicDir: 'public', chapterOfFile: () => undefined }) as PluggableList);
  return chapterParser(mdx ? 'chapter.mdx' : 'chapter.md').runSync(syntax.parse(source)) as Root;
}

/** The tree after each plugin, as JSON. */
function both(source: string, mdx = false): { astro: string; book: string } {
  const tree = parse(source, mdx);
  const astro = unified().use(remarkSmartypants).use(() => apostrophesAfterLeaves).runSync(structuredClone(tree));
  const book = unified().use(remarkSmartPunctuation).runSync(structuredClone(tree));
  return { astro: JSON.stringify(astro), book: JSON.stringify(book) };
}

function chapterFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => /\.(md|mdx)$/.test(file)).map((file) => path.join(dir, file));
}

describe('remarkSmartPunctuation', () => {
  const chapters = [...chapterFiles(path.join(root, 'content')), ...chapterFiles(path.join(root, 'tests/fixtures'))];
  // Fixtures broken on purpose (the error tests' books) parse as neither: they are left out, not passed.
  const parsed = chapters.flatMap((file) => {
    try {
      return [{ file, ...both(readFileSync(file, 'utf8'), file.endsWith('.mdx')) }];
    } catch {
      return [];
    }
  });

  it('should compare every chapter of the book, and most fixtures', () => {
    const book = chapterFiles(path.join(root, 'content'));
    expect(book.length).toBeGreaterThanOrEqual(15);
    expect(parsed.filter(({ file }) => book.includes(file))).toHaveLength(book.length);
    expect(parsed.length).toBeGreaterThan(chapters.length / 2);
  });

  for (const { file, astro, book } of parsed) {
    it(`should punctuate ${path.relative(root, file)} as remark-smartypants does`, () => {
      expect(book).toBe(astro);
    });
  }

  const cases = [
    'She said "hello" and \'bye\'.',
    'Quotes "around [a link](https://example.org)" and "**bold** words".',
    'A dash -- an em dash, three --- dashes, and a range 1990--2000.',
    'Ellipses... spaced . . . and not.... Two dots.. and one. More. Text.',
    'Backtick ``quotes\'\' and \'\'closing.',
    "The '80s, rock 'n' roll, it's, students' work, \"'nested' quotes\".",
    'Code `"straight" -- kept` next to "text".',
    '# A "heading"\n\n| a "cell" | \'b\' |\n| --- | --- |\n| "c" -- d | e... |\n',
    '"Quote at the start of a block"\n\n"And the next"',
  ];
  for (const source of cases) {
    it(`should punctuate ${JSON.stringify(source.slice(0, 40))} as remark-smartypants does`, () => {
      const { astro, book } = both(source);
      expect(book).toBe(astro);
    });
  }

  it('should change what smartypants changes (a test that could fail)', () => {
    const { book } = both('She said "hello" -- then... left.');
    expect(book).toContain('She said “hello” — then… left.');
  });

  it('should curl a quote glued to the end of inline math or a role as an apostrophe, which remark-smartypants opens', () => {
    const source = "Group $b$'s threshold, the {term}`proxy`'s quality, `code`'s, and a 'quoted' word after $x$ 'here'.";
    const book = JSON.stringify(unified().use(remarkSmartPunctuation).runSync(parse(source, false)));
    expect(book).toContain('"’s threshold, the "');
    expect(book).toContain('"’s quality, "');
    expect(book).toContain('"’s, and a ‘quoted’ word after "');
    expect(book).toContain('" ‘here’."');
    const astro = JSON.stringify(unified().use(remarkSmartypants).runSync(parse(source, false)));
    expect(astro).toContain('"‘s threshold, the "');
  });

  it('should punctuate a text from the frontmatter as the chapter text', () => {
    expect(smartPunctuationOf("Derive Chouldechova's identity -- \"quoted\" words...")).toBe('Derive Chouldechova’s identity — “quoted” words…');
    expect(smartPunctuationOf('No quotes here.')).toBe('No quotes here.');
  });

  it('should leave the text of an MDX <script> or <style> element alone, as remark-smartypants does', () => {
    const source = 'Text <script>{"a \\"b\\" -- c"}</script> and <span>"d" -- e</span>.';
    const { astro, book } = both(source, true);
    expect(book).toBe(astro);
  });
});
