/**
 * Bookmarks: the PDF outline a viewer shows beside the pages, written with pdf-lib's low-level objects.
 * Chromium can write one itself, but only into a tagged PDF (`page.pdf({ tagged: true, outline: true })`,
 * about 40% larger), and pdf-lib's `copyPages` would leave it behind anyway, as it leaves the whole
 * catalog: the whole book's outline has to be built here, and the chapters' PDFs get theirs the same
 * way. A chapter's sections come from its page, as the page lists them under "On this page".
 */
import { PDFHexString, PDFName, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { Page } from 'playwright-core';
import type { PagePoint } from './anchor-destinations.js';

/** A section of a chapter, from its page: the heading's id, its text, and its level (2 for h2, 3 for h3). */
export interface ChapterSection {
  id: string;
  title: string;
  depth: number;
}

export interface OutlineEntry {
  title: string;
  to: PagePoint;
  /** Shown with its children unfolded. */
  open: boolean;
  children: OutlineEntry[];
}

/**
 * The sections of the chapter open in `page`: the "On this page" list (the chapter's h2 and h3, as
 * plain text), which the print stylesheet hides but the page still holds.
 */
export async function chapterSections(page: Page): Promise<ChapterSection[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('nav.on-this-page a[data-toc-link]')].flatMap((link) => {
      let id = link.hash.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {
        // Not percent-encoded after all: the id as written.
      }
      const heading = document.getElementById(id);
      const depth = heading ? Number(/^H(\d)$/.exec(heading.tagName)?.[1]) : NaN;
      return heading && depth ? [{ id, title: (link.textContent ?? '').replace(/\s+/g, ' ').trim(), depth }] : [];
    }),
  );
}

/**
 * Outline entries of a chapter's sections, each deeper heading under the one before it (an h3 under
 * its h2); a section that has no point in the PDF (`at` gives none) is left out.
 */
export function sectionEntries(sections: readonly ChapterSection[], at: (id: string) => PagePoint | undefined): OutlineEntry[] {
  const top: OutlineEntry[] = [];
  const open: { depth: number; entry: OutlineEntry }[] = [];
  for (const section of sections) {
    const to = at(section.id);
    if (!to) continue;
    const entry: OutlineEntry = { title: section.title, to, open: false, children: [] };
    while (open.length > 0 && open.at(-1)!.depth >= section.depth) open.pop();
    (open.at(-1)?.entry.children ?? top).push(entry);
    open.push({ depth: section.depth, entry });
  }
  return top;
}

/** How many entries below `entry` show while it is unfolded as it is. */
function visibleBelow(entry: OutlineEntry): number {
  return entry.open ? entry.children.reduce((count, child) => count + 1 + visibleBelow(child), 0) : 0;
}

/**
 * Write `entries` as the document's outline, and have viewers open with it shown. Each entry is a
 * dictionary linked to its parent and siblings; `/Count` is the number of entries that show below it,
 * negative when it is folded (PDF 32000-1:2008, 12.3.3).
 */
export function writeOutline(document: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = document;
  const writeLevel = (level: readonly OutlineEntry[], parent: PDFRef): [PDFRef, PDFRef] => {
    const refs = level.map(() => context.nextRef());
    level.forEach((entry, index) => {
      const item = context.obj({ Title: PDFHexString.fromText(entry.title), Parent: parent, Dest: [entry.to.page, 'XYZ', entry.to.left, entry.to.top, null] });
      if (index > 0) item.set(PDFName.of('Prev'), refs[index - 1]!);
      if (index < level.length - 1) item.set(PDFName.of('Next'), refs[index + 1]!);
      if (entry.children.length > 0) {
        const [first, last] = writeLevel(entry.children, refs[index]!);
        item.set(PDFName.of('First'), first);
        item.set(PDFName.of('Last'), last);
        item.set(PDFName.of('Count'), PDFNumber.of(entry.open ? visibleBelow(entry) : -entry.children.length));
      }
      context.assign(refs[index]!, item);
    });
    return [refs[0]!, refs.at(-1)!];
  };
  const root = context.nextRef();
  const [first, last] = writeLevel(entries, root);
  context.assign(root, context.obj({ Type: 'Outlines', First: first, Last: last, Count: entries.reduce((count, entry) => count + 1 + visibleBelow(entry), 0) }));
  document.catalog.set(PDFName.of('Outlines'), root);
  document.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
