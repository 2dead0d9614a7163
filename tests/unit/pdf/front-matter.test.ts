/**
 * The whole book's front matter: chapters' first pages counted after the title page and contents,
 * and the printable page that lists them (escaped).
 */
import { describe, expect, it } from 'vitest';
import { bookEdition } from '../../../src/book/edition.js';
import { frontMatterHtml, numberContents } from '../../../src/pdf/front-matter.js';

describe('numberContents', () => {
  it('should start each chapter after the front matter and the chapters before it', () => {
    const lines = [
      { kind: 'part' as const, label: 'Part 1 · Fairness' },
      { kind: 'chapter' as const, number: '1.1', title: 'Intro' },
      { kind: 'chapter' as const, number: '1.2', title: 'Measure' },
      { kind: 'part' as const, label: 'Part 2 · Privacy' },
      { kind: 'chapter' as const, number: '2.1', title: 'Framework' },
    ];
    expect(numberContents(lines, [12, 7, 3], 2).flatMap((line) => (line.kind === 'chapter' ? [line.page] : []))).toEqual([3, 15, 22]);
  });
});

describe('frontMatterHtml', () => {
  it('should print the title, authors, edition and every contents line, escaped', () => {
    const html = frontMatterHtml({ title: 'Fair <AI>', authors: ['A & B'], edition: 'Version 1.0.0, 1 May 2026', contents: [{ kind: 'chapter', number: '1.1', title: 'Intro', page: 3 }] }, 'en');
    expect(html).toContain('<h1>Fair &lt;AI&gt;</h1>');
    expect(html).toContain('<p class="authors">A &amp; B</p>');
    expect(html).toContain('Version 1.0.0, 1 May 2026');
    expect(html).toContain('<span class="number">1.1</span><span class="title">Intro</span><span class="page">3</span>');
  });

  it('should make a contents line with its chapter’s address a link, which the assembly points at the chapter’s page', () => {
    const [line] = numberContents([{ kind: 'chapter', number: '1.1', title: 'Intro', href: 'http://127.0.0.1:4000/intro/?a=1&b=2' }], [5], 2);
    const html = frontMatterHtml({ title: 'Book', authors: [], edition: 'Version 1.0.0, 1 May 2026', contents: [line!] }, 'en');
    expect(html).toContain('<li class="chapter"><a href="http://127.0.0.1:4000/intro/?a=1&amp;b=2"><span class="number">1.1</span><span class="title">Intro</span><span class="page">3</span></a></li>');
  });
});

describe('bookEdition', () => {
  it('should combine the package version with the build date, or the fixed date', () => {
    const edition = bookEdition(process.cwd(), new Date('2026-11-30T12:00:00Z'));
    expect(edition.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(edition.label).toBe(`Version ${edition.version}, 30 November 2026`);
    process.env.BOOK_EDITION_DATE = 'yesterday';
    try {
      expect(() => bookEdition()).toThrow(/BOOK_EDITION_DATE must be a date as YYYY-MM-DD/);
    } finally {
      delete process.env.BOOK_EDITION_DATE;
    }
  });
});
