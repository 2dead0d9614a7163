/**
 * The links of a printed PDF, read and pointed elsewhere with pdf-lib. Chromium writes a link of the
 * page as a link annotation: one to the page itself (`#id`) goes to a named destination of the same
 * PDF (`/Dest /id`), any other opens its absolute URL (`/A << /S /URI >>`), the local print server's
 * included (`http://127.0.0.1:…/measuring-fairness/#…`). Neither survives as it is: the names are the
 * chapter's own (pdf-lib's `copyPages` leaves the catalog, where they are listed, behind), and the
 * print server is gone once the PDFs are written. `src/pdf/assemble-book.ts` decides where each goes.
 */
import { PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFObject, PDFString } from 'pdf-lib';
import { idKey, nameText, type PagePoint } from './anchor-destinations.js';

/** Where a link of a printed page points. */
export type LinkTarget =
  /** A named destination of its own PDF: an element of the same chapter, by id. */
  | { kind: 'named'; id: string }
  /** A page of the book's site, from the print server: its path below the base (`glossary/`), and `#…` as written, or `''`. */
  | { kind: 'site'; path: string; hash: string }
  /** Anywhere else on the web (or another scheme: `mailto:`). */
  | { kind: 'web'; uri: string };

/** Where a link goes instead: a point of the document, a URL, or nowhere (the link is removed, its text stays). */
export type NewTarget = { goTo: PagePoint } | { uri: string } | 'remove' | 'keep';

/** The page of the site a URL names, if it is on the print server below `printedFrom` (its base URL). */
export function sitePage(uri: string, printedFrom: string): { path: string; hash: string } | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  const base = new URL(printedFrom);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
  return { path: `${url.pathname.slice(base.pathname.length)}${url.search}`, hash: url.hash };
}

/** The id a site link's `#…` names, if any. */
export function hashId(hash: string): string | undefined {
  return hash.length > 1 ? idKey(hash.slice(1)) : undefined;
}

function textOf(value: unknown): string | undefined {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  if (value instanceof PDFName) return nameText(value);
  return undefined;
}

/** What a link annotation points at; undefined for an annotation that is no link, or a link of another kind (kept as it is). */
function targetOf(annotation: PDFDict, printedFrom: string): LinkTarget | undefined {
  if (annotation.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) return undefined;
  const dest = textOf(annotation.lookup(PDFName.of('Dest')));
  if (dest !== undefined) return { kind: 'named', id: idKey(dest) };
  const action = annotation.lookup(PDFName.of('A'));
  if (!(action instanceof PDFDict)) return undefined;
  const kind = action.lookup(PDFName.of('S'));
  if (kind === PDFName.of('GoTo')) {
    const named = textOf(action.lookup(PDFName.of('D')));
    return named === undefined ? undefined : { kind: 'named', id: idKey(named) };
  }
  if (kind !== PDFName.of('URI')) return undefined;
  const uri = textOf(action.lookup(PDFName.of('URI')));
  if (uri === undefined) return undefined;
  const page = sitePage(uri, printedFrom);
  return page ? { kind: 'site', ...page } : { kind: 'web', uri };
}

/**
 * Point every link on pages `[from, to)` of `document` where `decide` says. `printedFrom` is the base
 * URL the pages were printed from, which tells the book's own pages from the rest of the web.
 */
export function retargetLinks(document: PDFDocument, range: { from: number; to: number }, printedFrom: string, decide: (target: LinkTarget) => NewTarget): void {
  const { context } = document;
  for (let pageIndex = range.from; pageIndex < range.to; pageIndex++) {
    const page = document.getPage(pageIndex);
    const annots = page.node.Annots();
    if (!annots) continue;
    const kept: PDFObject[] = [];
    for (const entry of annots.asArray()) {
      const annotation = context.lookup(entry);
      const target = annotation instanceof PDFDict ? targetOf(annotation, printedFrom) : undefined;
      const next = target ? decide(target) : 'keep';
      if (next === 'remove') continue;
      kept.push(entry);
      if (next === 'keep' || !(annotation instanceof PDFDict)) continue;
      annotation.delete(PDFName.of('Dest'));
      annotation.set(
        PDFName.of('A'),
        'goTo' in next
          ? context.obj({ S: 'GoTo', D: [next.goTo.page, PDFName.of('XYZ'), PDFNumber.of(next.goTo.left), PDFNumber.of(next.goTo.top), PDFNull] })
          : context.obj({ S: 'URI', URI: PDFString.of(next.uri) }),
      );
    }
    if (kept.length !== annots.size()) page.node.set(PDFName.of('Annots'), context.obj(kept));
  }
}
