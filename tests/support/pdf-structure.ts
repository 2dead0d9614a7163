/**
 * What a PDF's links and outline say, read with pdf-lib's low-level objects for the tests: each link
 * annotation with where it goes (a page of the document and the point on it, a URI, or a named
 * destination), and the outline as a tree of titles with the page each opens.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

export interface PdfLink {
  /** The page the link is on, from 0. */
  page: number;
  rect: number[];
  /** A `/GoTo` action to a point of this document: the page (from 0) and the top of the view. */
  goTo?: { page: number; top: number };
  /** A `/URI` action. */
  uri?: string;
  /** A named destination (`/Dest /name`, or a `/GoTo` to a name). */
  named?: string;
}

export interface PdfOutlineEntry {
  title: string;
  /** The page it opens, from 0. */
  page: number;
  /** Its `/Count`: entries shown below it, negative when folded. */
  count?: number;
  children: PdfOutlineEntry[];
}

function text(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return new TextDecoder().decode(value.asBytes());
  return undefined;
}

/** An explicit destination `[page /XYZ left top zoom]` as a page index and top. */
function explicit(document: PDFDocument, value: PDFObject | undefined): { page: number; top: number } | undefined {
  const array = value instanceof PDFRef ? document.context.lookup(value) : value;
  if (!(array instanceof PDFArray)) return undefined;
  const page = array.get(0);
  const index = document.getPages().findIndex((candidate) => page instanceof PDFRef && candidate.ref === page);
  const top = array.lookup(3);
  return index < 0 ? undefined : { page: index, top: top instanceof PDFNumber ? top.asNumber() : NaN };
}

/** Every link annotation of the document, page by page. */
export function pdfLinks(document: PDFDocument): PdfLink[] {
  return document.getPages().flatMap((page, index) =>
    (page.node.Annots()?.asArray() ?? []).flatMap((entry): PdfLink[] => {
      const annotation = document.context.lookup(entry);
      if (!(annotation instanceof PDFDict) || annotation.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) return [];
      const rect = (annotation.lookup(PDFName.of('Rect'), PDFArray).asArray() as PDFNumber[]).map((number) => number.asNumber());
      const link: PdfLink = { page: index, rect };
      const dest = annotation.lookup(PDFName.of('Dest'));
      const action = annotation.lookup(PDFName.of('A'));
      const named = text(dest) ?? (action instanceof PDFDict ? text(action.lookup(PDFName.of('D'))) : undefined);
      if (named !== undefined) link.named = named;
      const kind = action instanceof PDFDict ? action.lookup(PDFName.of('S')) : undefined;
      const goTo = kind === PDFName.of('GoTo') ? explicit(document, (action as PDFDict).get(PDFName.of('D'))) : undefined;
      if (goTo) link.goTo = goTo;
      if (kind === PDFName.of('URI')) link.uri = text((action as PDFDict).lookup(PDFName.of('URI')));
      return [link];
    }),
  );
}

/** The document's outline (bookmarks), or an empty list without one. */
export function pdfOutline(document: PDFDocument): PdfOutlineEntry[] {
  const level = (first: PDFObject | undefined): PdfOutlineEntry[] => {
    const entries: PdfOutlineEntry[] = [];
    let item = first && document.context.lookup(first);
    while (item instanceof PDFDict) {
      const count = item.lookup(PDFName.of('Count'));
      entries.push({
        title: text(item.lookup(PDFName.of('Title'))) ?? '',
        page: explicit(document, item.get(PDFName.of('Dest')))?.page ?? -1,
        ...(count instanceof PDFNumber ? { count: count.asNumber() } : {}),
        children: level(item.get(PDFName.of('First'))),
      });
      const next = item.get(PDFName.of('Next'));
      item = next && document.context.lookup(next);
    }
    return entries;
  };
  const root = document.catalog.lookup(PDFName.of('Outlines'));
  return root instanceof PDFDict ? level(root.get(PDFName.of('First'))) : [];
}
