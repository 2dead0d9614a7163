/**
 * The whole book's PDF front matter: a title page (title, subtitle, authors, edition) and a table of
 * contents with each chapter's first page, as one HTML page that Chromium prints. Pure: the page
 * numbers come from the printed chapters (scripts/pdf.ts).
 */

/** The contents' heading, which the whole book's outline names too. */
export const CONTENTS_HEADING = 'Contents';

/**
 * One line of the contents, before its page number: a part heading, or a chapter, with the address of
 * its page that the PDF's assembly turns into a link to its first page (src/pdf/assemble-book.ts).
 */
export type ContentsEntry = { kind: 'part'; label: string } | { kind: 'chapter'; number: string; title: string; href?: string };

/** One line of the contents: a part heading, or a chapter with its first page in the book. */
export type ContentsLine = Extract<ContentsEntry, { kind: 'part' }> | (Extract<ContentsEntry, { kind: 'chapter' }> & { page: number });

export interface FrontMatter {
  title: string;
  subtitle?: string;
  authors: readonly string[];
  edition: string;
  contents: readonly ContentsLine[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The title page and contents as a printable HTML page (its own styles: it is not a page of the site). */
export function frontMatterHtml(front: FrontMatter, language: string): string {
  const lines = front.contents
    .map((line) =>
      line.kind === 'part'
        ? `<li class="part">${escapeHtml(line.label)}</li>`
        : `<li class="chapter">${line.href ? `<a href="${escapeHtml(line.href)}">` : ''}<span class="number">${escapeHtml(line.number)}</span><span class="title">${escapeHtml(line.title)}</span><span class="page">${line.page}</span>${line.href ? '</a>' : ''}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(front.title)}</title>
<style>
  @page { size: A4; margin: 25mm 22mm; }
  body { font-family: Georgia, 'DejaVu Serif', serif; color: #000; margin: 0; }
  .title-page { height: 240mm; display: flex; flex-direction: column; justify-content: center; break-after: page; }
  h1 { font-size: 30pt; line-height: 1.15; margin: 0 0 8mm; }
  .subtitle { font-size: 16pt; margin: 0 0 14mm; }
  .authors { font-size: 14pt; margin: 0 0 4mm; }
  .edition { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #444; }
  h2 { font-size: 18pt; margin: 0 0 8mm; }
  ol { list-style: none; padding: 0; margin: 0; font-size: 11pt; }
  li.part { font-family: 'DejaVu Sans', sans-serif; font-weight: bold; font-size: 9.5pt; text-transform: uppercase; letter-spacing: 0.04em; margin: 6mm 0 2mm; break-after: avoid; }
  li.chapter, li.chapter > a { display: flex; align-items: baseline; gap: 3mm; }
  li.chapter { margin: 0 0 2mm; }
  li.chapter > a { flex: 1; color: inherit; text-decoration: none; }
  li.chapter .number { min-width: 9mm; }
  li.chapter .title { flex: 1; display: flex; }
  li.chapter .title::after { content: ''; flex: 1; border-bottom: 1px dotted #888; margin: 0 0 0.3em 2mm; }
  li.chapter .page { min-width: 8mm; text-align: right; }
</style></head>
<body>
<section class="title-page">
  <h1>${escapeHtml(front.title)}</h1>
  ${front.subtitle ? `<p class="subtitle">${escapeHtml(front.subtitle)}</p>` : ''}
  <p class="authors">${front.authors.map(escapeHtml).join(', ')}</p>
  <p class="edition">${escapeHtml(front.edition)}</p>
</section>
<section class="contents">
  <h2>${escapeHtml(CONTENTS_HEADING)}</h2>
  <ol>
${lines}
  </ol>
</section>
</body></html>`;
}

/**
 * The contents with page numbers: each chapter starts after the front matter (`frontPages` pages)
 * and the chapters before it (`chapterPages`, in order).
 */
export function numberContents(lines: readonly ContentsEntry[], chapterPages: readonly number[], frontPages: number): ContentsLine[] {
  let next = frontPages + 1;
  let index = 0;
  return lines.map((line) => {
    if (line.kind === 'part') return line;
    const page = next;
    next += chapterPages[index++] ?? 0;
    return { ...line, page };
  });
}
