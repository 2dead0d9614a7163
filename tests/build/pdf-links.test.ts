/**
 * PDFs printed by `npm run pdf` wait in the book's `pdf/` folder; the next build copies them into the
 * site and links them from the home page (the whole book) and from each chapter that has one. A build
 * without them links none. The home page shows the edition either way.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('links to the printed PDFs', () => {
  it('should copy and link the PDFs that exist, and only those', async () => {
    const root = makeTempDir('pdf-links-');
    cpSync(fixture('sample-book'), root, { recursive: true });
    mkdirSync(path.join(root, 'pdf'));
    writeFileSync(path.join(root, 'pdf/book.pdf'), '%PDF-1.7 book');
    writeFileSync(path.join(root, 'pdf/math-in-mdx.pdf'), '%PDF-1.7 chapter');
    const { code, output, outDir } = await astroBuild({ bookRoot: root, base: '/rai/' });
    expect(code, output).toBe(0);
    expect(readFileSync(path.join(outDir, 'pdf/book.pdf'), 'utf8')).toBe('%PDF-1.7 book');
    const home = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(home).toContain('<a href="/rai/pdf/book.pdf">The whole book as PDF</a>');
    expect(home).toMatch(/<p class="edition">Version \d+\.\d+\.\d+, \d{1,2} \w+ \d{4}<\/p>/);
    expect(readFileSync(path.join(outDir, 'math-in-mdx/index.html'), 'utf8')).toContain('<a href="/rai/pdf/math-in-mdx.pdf">This chapter as PDF</a>');
    // The other chapter was not printed: no link to a file that is not there.
    expect(readFileSync(path.join(outDir, 'math-in-markdown/index.html'), 'utf8')).not.toContain('.pdf');
    expect(existsSync(path.join(outDir, 'pdf/math-in-markdown.pdf'))).toBe(false);
  });
});
