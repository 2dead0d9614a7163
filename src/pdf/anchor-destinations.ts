/**
 * Where each id of a printed chapter lands in its PDF. Chromium writes a *named destination* (page and
 * point, named after the id) for the targets of a page's own links, which is how a chapter's PDF keeps
 * its links to its own sections and references. The whole book needs more: a link from one chapter to
 * a figure of another (`/measuring-fairness/#fig-…`) must find that figure's page, though perhaps no
 * link of the figure's own chapter points at it. So every id of the chapter gets a hidden link to it
 * before printing, and the destinations are read back from the printed PDF.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';

/** A named destination of a printed chapter: its page (from 0) and point (`top` counts up from the bottom edge). */
export interface Destination {
  pageIndex: number;
  left: number;
  top: number;
}

/** A point of a page of the document being written, which a link or bookmark opens. */
export interface PagePoint {
  page: PDFRef;
  left: number;
  top: number;
}

/** The top of page `index` of `document`. */
export function pageTop(document: PDFDocument, index: number): PagePoint {
  const page = document.getPage(index);
  return { page: page.ref, left: 0, top: page.getHeight() };
}

/**
 * Give every element with an id in the page's main content a destination in the PDF printed next:
 * one hidden same-document link to each. Hidden (`display: none`) links print nothing and take no
 * space; Chromium still counts them when it collects the link targets it names.
 */
export async function destineEveryId(page: Page): Promise<void> {
  await page.evaluate(() => {
    const links = document.createElement('div');
    links.hidden = true;
    // Set through the CSSOM, which the page's Content-Security-Policy allows (a style attribute it would not).
    links.style.display = 'none';
    for (const element of document.querySelectorAll('main [id]')) {
      const link = document.createElement('a');
      link.href = `#${encodeURIComponent(element.id)}`;
      links.append(link);
    }
    document.body.append(links);
  });
}

/**
 * An id as a key of the destinations. Chromium names a destination after the link's fragment as the
 * URL holds it, percent-encoded (`caf%C3%A9`), and a link to another page carries it the same way; both
 * are compared decoded.
 */
export function idKey(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** A PDF name's text: its bytes are the UTF-8 of the name Chromium gave. */
export function nameText(name: PDFName): string {
  return new TextDecoder().decode(name.asBytes());
}

/**
 * The named destinations of a PDF that Chromium printed, by id (`idKey`). Chromium lists them in the
 * catalog's `/Dests` dictionary as `[page /XYZ left top zoom]`; a destination of any other form, or on
 * a page the document does not have, is left out.
 */
export function namedDestinations(document: PDFDocument): Map<string, Destination> {
  const found = new Map<string, Destination>();
  const dests = document.catalog.lookup(PDFName.of('Dests'));
  if (!(dests instanceof PDFDict)) return found;
  const pageIndex = new Map(document.getPages().map((page, index) => [page.ref.toString(), index]));
  for (const [name, value] of dests.entries()) {
    const destination = document.context.lookup(value);
    // A destination may also be a dictionary holding the array as `/D`.
    const array = destination instanceof PDFDict ? destination.lookup(PDFName.of('D')) : destination;
    if (!(array instanceof PDFArray)) continue;
    const [page, kind, left, top] = [array.get(0), array.get(1), array.lookup(2), array.lookup(3)];
    const index = page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined;
    if (index === undefined || kind !== PDFName.of('XYZ')) continue;
    found.set(idKey(nameText(name)), {
      pageIndex: index,
      left: left instanceof PDFNumber ? left.asNumber() : 0,
      top: top instanceof PDFNumber ? top.asNumber() : document.getPage(index).getHeight(),
    });
  }
  return found;
}
