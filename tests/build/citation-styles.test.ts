/**
 * The citation style is set in one place, `citationStyle` in content/book.yaml. The real book built
 * with the numeric style (Vancouver): works are numbered once for the whole book, in order of first
 * citation; the generative-AI chapter cites by those numbers and its References list its 23 works with
 * the numbers the bibliography page gives them. The build formats them with one engine and one
 * registration of the cited works.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture, projectRoot } from '../support/astro-build.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('citation styles', () => {
  it('should render the generative-AI chapter with numbered citations when the book asks for Vancouver', async () => {
    const root = makeTempDir('book-vancouver-');
    for (const folder of ['content', 'bib', 'public']) cpSync(path.join(projectRoot, folder), path.join(root, folder), { recursive: true });
    const structure = path.join(root, 'content/book.yaml');
    writeFileSync(structure, readFileSync(structure, 'utf8').replace(/^firstPartNumber:/m, 'citationStyle: vancouver\nfirstPartNumber:'));
    process.env.BOOK_COUNTS = '1';
    const { code, output, outDir } = await astroBuild({ bookRoot: root }).finally(() => delete process.env.BOOK_COUNTS);
    expect(code, output).toBe(0);
    // Once per chapter and once per build, though the chapters and the bibliography page (bundled
    // apart from the pipeline) all need the citations: the counts the build prints for bench:scale.
    const chapters = Number(/in (\d+) chapter\(s\)/.exec(output)?.[1]);
    expect(chapters).toBeGreaterThan(10);
    expect(/Work counts: (.*)/.exec(output)?.[1]).toBe(
      `structural parses ${chapters}, content checks ${chapters}, content check parses 0, renders ${chapters}, bib parses 1, citation engines 1, citation registrations 1`,
    );
    const html = readFileSync(path.join(outDir, 'generative-ai/index.html'), 'utf8');
    const numbers = (page: string) =>
      new Map([...page.matchAll(/<li (?:class="reference" id|id)="ref-([^"]+)"[^>]*>\s*<div class="csl-entry"[^>]*>\s*<div class="csl-left-margin">(\d+)\./g)].map((match) => [match[1] as string, Number(match[2])]));
    const book = numbers(readFileSync(path.join(outDir, 'bibliography/index.html'), 'utf8'));
    const chapter = numbers(html);
    // One numbering for the book: 1 is the first work the book cites, and the chapter uses the book's numbers.
    expect([...book.values()].sort((a, b) => a - b).slice(0, 3)).toEqual([1, 2, 3]);
    expect(chapter.size).toBe(23);
    for (const [key, number] of chapter) expect(number, key).toBe(book.get(key));
    // Its first citation is of dai2024bias, by that number.
    const first = /<span class="citation citation-parenthetical">(.*?)<\/span>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '');
    expect(first).toBe(`(${book.get('dai2024bias')})`);
    expect(html).not.toMatch(/et al\., 20\d\d\)/);
    // Textual citations keep the names: "Betley et al. (n)".
    expect(html.replace(/<[^>]+>/g, '')).toMatch(/Betley et al\. \(\d+\)/);
    const references = [...html.matchAll(/<li id="ref-([^"]+)" class="reference">/g)].map((match) => match[1]);
    expect(references).toHaveLength(23);
    // Listed in the book's numeric order.
    expect(references.map((key) => chapter.get(key as string))).toEqual([...chapter.values()].sort((a, b) => a - b));
  });
});

describe('a `.csl` file as the citation style', () => {
  it('should render citations and references in the style of the book’s `.csl` file', async () => {
    // tests/fixtures/csl-style: `citationStyle: styles/author-date.csl`, a Chicago-like author–date style.
    const { code, output, outDir } = await astroBuild({ bookRoot: fixture('csl-style') });
    expect(code, output).toBe(0);
    const text = readFileSync(path.join(outDir, 'c-1-cites/index.html'), 'utf8').replace(/<[^>]+>/g, '');
    // "(Hardt, Price, and Srebro 2016)": names with a serial "and", no comma before the year (APA would write "Hardt et al., 2016").
    expect(text).toContain('(Hardt, Price, and Srebro 2016)');
    expect(text).toContain('Dwork et al. (2006)');
    expect(text).toContain('Hardt, Moritz, Eric Price, and Nati Srebro. 2016. “Equality of opportunity in supervised learning.” In Advances in Neural Information Processing Systems.');
  }, 600_000);

  it('should fail the build on a broken `.csl` file, naming it at the `citationStyle` line', async () => {
    const root = makeTempDir('book-broken-csl-');
    cpSync(fixture('csl-style'), root, { recursive: true });
    const structure = path.join(root, 'content/book.yaml');
    writeFileSync(structure, readFileSync(structure, 'utf8').replace('styles/author-date.csl', 'styles/broken.csl'));
    const { code, output } = await astroBuild({ bookRoot: root });
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/book\.yaml:3:16\s+error\s+The citation style `styles\/broken\.csl` cannot be used: it is not well-formed XML: .*\(line 66, column 1\).*\[structure-valid\]/);
  }, 600_000);
});
