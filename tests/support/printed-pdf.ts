/**
 * Small PDFs shaped as Chromium prints a page of the book (as `page.pdf` writes them: see
 * src/pdf/anchor-destinations.ts), made with pdf-lib for the unit tests: A4 pages that say which they
 * are, the named destinations in the catalog's `/Dests` as `[page /XYZ left top 0]`, a same-page link
 * as `/Dest /name` and any other as a `/URI` action.
 */
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';

export interface PrintedPage {
  /** Drawn on the page, to tell it by its text. */
  text: string;
  /** Named destinations on this page: id → top of the point (from the bottom edge). */
  destinations?: Record<string, number>;
  /** Links on this page: `#id` to a destination of the same PDF, anything else a URL. */
  links?: string[];
}

/** A PDF of `pages`, as Chromium would print them. */
export async function printedPdf(pages: readonly PrintedPage[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const { context } = document;
  const dests = context.obj({});
  pages.forEach((spec) => {
    const page = document.addPage([595.92, 842.88]);
    page.drawText(spec.text, { x: 50, y: 780, size: 12, font });
    for (const [id, top] of Object.entries(spec.destinations ?? {})) dests.set(PDFName.of(encodeURIComponent(id)), context.obj([page.ref, 'XYZ', 0, top, 0]));
    const annots = (spec.links ?? []).map((href, index) => {
      const rect = [50, 700 - index * 20, 200, 712 - index * 20];
      const target = href.startsWith('#') ? { Dest: PDFName.of(encodeURIComponent(href.slice(1))) } : { A: { Type: 'Action', S: 'URI', URI: PDFString.of(href) } };
      return context.register(context.obj({ Type: 'Annot', Subtype: 'Link', F: 4, Border: [0, 0, 0], Rect: rect, ...target }));
    });
    if (annots.length > 0) page.node.set(PDFName.of('Annots'), context.obj(annots));
  });
  document.catalog.set(PDFName.of('Dests'), context.register(dests));
  return document.save();
}
