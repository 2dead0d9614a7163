/**
 * Links in the PDFs (src/pdf/assemble-book.ts, link-annotations.ts, anchor-destinations.ts), on PDFs
 * shaped as Chromium prints the book's pages: in the whole book, a link within a chapter, to another
 * chapter, to a section or figure of another chapter and from the contents goes to its page and point;
 * links to the rest of the site go to the public site (or are removed without one); links to the web
 * stay. A chapter's own PDF keeps its links to itself and sends the others to the public site.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assembleBook, chapterPdf, type PrintedBookChapter, type SiteAddresses } from '../../../src/pdf/assemble-book.js';
import { type PdfLink, pdfLinks } from '../../support/pdf-structure.js';
import { printedPdf } from '../../support/printed-pdf.js';

const PRINTED_FROM = 'http://127.0.0.1:4000/';
const withSite: SiteAddresses = { printedFrom: PRINTED_FROM, publicUrl: (path) => `https://example.org/rai/${path}` };
const withoutSite: SiteAddresses = { printedFrom: PRINTED_FROM };
const PAGE_TOP = 842.88;

async function chapters(): Promise<PrintedBookChapter[]> {
  const fairness: PrintedBookChapter = {
    label: '1.2 Measuring Fairness',
    path: 'measuring-fairness/',
    part: 'Part 1 · Fairness',
    sections: [],
    pdf: await printedPdf([
      { text: 'Fairness page 1', links: ['#ref-barocas', `${PRINTED_FROM}local-interpretation/#fig-shap`, `${PRINTED_FROM}local-interpretation/`] },
      { text: 'Fairness page 2', destinations: { 'measure-individual': 500 }, links: [`${PRINTED_FROM}glossary/#term-base-rate`, 'https://fairmlbook.org/'] },
      { text: 'Fairness page 3', destinations: { 'ref-barocas': 300 }, links: [`${PRINTED_FROM}local-interpretation/#hidden-in-print`, `${PRINTED_FROM}local-interpretation/index.html#fig-shap`] },
    ]),
  };
  const local: PrintedBookChapter = {
    label: '2.3 Methods for Local Interpretations',
    path: 'local-interpretation/',
    part: 'Part 2 · Transparency',
    sections: [],
    pdf: await printedPdf([
      { text: 'Local page 1', links: [`${PRINTED_FROM}measuring-fairness/#measure-individual`] },
      { text: 'Local page 2', destinations: { 'fig-shap': 400, 'café-au-lait': 200 }, links: ['#café-au-lait', `${PRINTED_FROM}framework/`] },
    ]),
  };
  return [fairness, local];
}

/** The title page, and the contents with a link to the second chapter. */
const front = () => printedPdf([{ text: 'Title page' }, { text: 'Contents', links: [`${PRINTED_FROM}local-interpretation/`] }]);

/** The links of a PDF by the page they are on and their order there. */
function byPlace(links: readonly PdfLink[]): (page: number, index: number) => PdfLink | undefined {
  return (page, index) => links.filter((link) => link.page === page)[index];
}

describe('assembleBook', () => {
  it('should send each link to a chapter of the book to the page and point it names', async () => {
    const book = await PDFDocument.load(await assembleBook(await front(), await chapters(), { title: 'Book', authors: [] }, withSite));
    const link = byPlace(pdfLinks(book));
    // Pages: 0 title, 1 contents, 2–4 Measuring Fairness, 5–6 Local Interpretations.
    expect(link(2, 0)).toMatchObject({ goTo: { page: 4, top: 300 } }); // its own reference, by a named destination
    expect(link(2, 1)).toMatchObject({ goTo: { page: 6, top: 400 } }); // a figure of the other chapter
    expect(link(2, 2)).toMatchObject({ goTo: { page: 5, top: PAGE_TOP } }); // the other chapter: its first page
    expect(link(4, 0)).toMatchObject({ goTo: { page: 5, top: PAGE_TOP } }); // an id the chapter's PDF has no point for
    expect(link(4, 1)).toMatchObject({ goTo: { page: 6, top: 400 } }); // `…/index.html#…` is the same page
    expect(link(5, 0)).toMatchObject({ goTo: { page: 3, top: 500 } }); // back to a section of the first chapter
    expect(link(6, 0)).toMatchObject({ goTo: { page: 6, top: 200 } }); // an id out of ASCII, percent-encoded
    expect(link(1, 0)).toMatchObject({ goTo: { page: 5, top: PAGE_TOP } }); // the contents' line
    for (const goTo of [link(2, 0), link(2, 1), link(1, 0)]) expect(goTo).not.toHaveProperty('uri');
  });

  it('should send links to the rest of the site to its public address, and keep links to the web', async () => {
    const links = pdfLinks(await PDFDocument.load(await assembleBook(await front(), await chapters(), { title: 'Book', authors: [] }, withSite)));
    const link = byPlace(links);
    expect(link(3, 0)).toEqual(expect.objectContaining({ uri: 'https://example.org/rai/glossary/#term-base-rate' }));
    expect(link(3, 1)).toEqual(expect.objectContaining({ uri: 'https://fairmlbook.org/' }));
    expect(link(6, 1)).toEqual(expect.objectContaining({ uri: 'https://example.org/rai/framework/' }));
    expect(links.filter((each) => each.uri?.startsWith(PRINTED_FROM) || each.named !== undefined)).toEqual([]);
  });

  it('should remove the links to the rest of the site when the book has no public address, keeping the others', async () => {
    const links = pdfLinks(await PDFDocument.load(await assembleBook(await front(), await chapters(), { title: 'Book', authors: [] }, withoutSite)));
    expect(links.filter((link) => link.page === 3)).toEqual([expect.objectContaining({ uri: 'https://fairmlbook.org/' })]);
    expect(links.filter((link) => link.page === 6)).toEqual([expect.objectContaining({ goTo: { page: 6, top: 200 } })]);
    expect(links.filter((link) => link.page === 2).map((link) => link.goTo?.page)).toEqual([4, 6, 5]);
  });
});

describe('chapterPdf', () => {
  it('should keep a chapter’s links to itself and send those to other pages of the book to the public site', async () => {
    const [fairness] = await chapters();
    const links = pdfLinks(await PDFDocument.load(await chapterPdf(fairness!, withSite)));
    const link = byPlace(links);
    expect(link(0, 0)).toMatchObject({ goTo: { page: 2, top: 300 } });
    expect(link(0, 1)).toEqual(expect.objectContaining({ uri: 'https://example.org/rai/local-interpretation/#fig-shap' }));
    expect(link(0, 2)).toEqual(expect.objectContaining({ uri: 'https://example.org/rai/local-interpretation/' }));
    expect(link(2, 1)).toEqual(expect.objectContaining({ uri: 'https://example.org/rai/local-interpretation/index.html#fig-shap' }));
    expect(link(1, 1)).toEqual(expect.objectContaining({ uri: 'https://fairmlbook.org/' }));
    expect(links.filter((each) => each.uri?.startsWith(PRINTED_FROM))).toEqual([]);
  });

  it('should remove links to other pages of the book without a public address', async () => {
    const [fairness] = await chapters();
    const links = pdfLinks(await PDFDocument.load(await chapterPdf(fairness!, withoutSite)));
    expect(links).toEqual([expect.objectContaining({ page: 0, goTo: { page: 2, top: 300 } }), expect.objectContaining({ page: 1, uri: 'https://fairmlbook.org/' })]);
  });
});
