/**
 * The import report: every construct the import changed or could not carry over, each with its place
 * (`file:line`, or a notebook's cell), what it is and what was done, and the summary counts. Written as
 * `import-report.md` in the target and printed, shorter, at the end of the import.
 */

/** One entry of the report. */
export interface ReportItem {
  /** The file, relative to the Jupyter Book folder (or `_toc.yml`, `_config.yml`). */
  file: string;
  line?: number;
  /** In a notebook: the cell's number (1-based). */
  cell?: number;
  construct: string;
  action: string;
  /** True for what the site cannot show as the author meant it: counted as unresolved. */
  unresolved: boolean;
}

export interface ImportSummary {
  parts: number;
  chapters: number;
  notebooks: number;
  /** Stored outputs of the notebooks' code cells, and those of them that are images. */
  outputs: number;
  imageOutputs: number;
  /** Image files copied. */
  images: number;
  /** Citation occurrences (one per key per role), and distinct works cited. */
  citations: number;
  citedWorks: number;
  /** Entries of the merged bibliography. */
  bibEntries: number;
  redirects: number;
}

export interface ImportReport {
  /** The Jupyter Book folder, as given on the command line. */
  source: string;
  summary: ImportSummary;
  items: ReportItem[];
}

/** `file:line`, or `file, cell n, line m` in a notebook. */
export function formatPlace(item: Pick<ReportItem, 'file' | 'line' | 'cell'>): string {
  if (item.cell !== undefined) return `${item.file}, cell ${item.cell}${item.line ? `, line ${item.line}` : ''}`;
  return item.line ? `${item.file}:${item.line}` : item.file;
}

/** The number of unresolved items. */
export function unresolvedCount(report: ImportReport): number {
  return report.items.filter((item) => item.unresolved).length;
}

/** The summary in one line per figure, as printed at the end of the import. */
export function summaryLines(report: ImportReport): string[] {
  const { summary } = report;
  return [
    `parts: ${summary.parts}`,
    `chapters: ${summary.chapters} (${summary.notebooks} notebook${summary.notebooks === 1 ? '' : 's'})`,
    `notebook outputs: ${summary.outputs} (${summary.imageOutputs} image${summary.imageOutputs === 1 ? '' : 's'})`,
    `images copied: ${summary.images}`,
    `citations: ${summary.citations} of ${summary.citedWorks} work${summary.citedWorks === 1 ? '' : 's'}; bibliography: ${summary.bibEntries} entries`,
    `old URLs redirected: ${summary.redirects}`,
    `unresolved items: ${unresolvedCount(report)} (see import-report.md)`,
  ];
}

/** The report as Markdown. */
export function renderReport(report: ImportReport): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const table = (items: readonly ReportItem[]) => [
    '| where | construct | what was done |',
    '| --- | --- | --- |',
    ...items.map((item) => `| \`${cell(formatPlace(item))}\` | ${cell(item.construct)} | ${cell(item.action)} |`),
  ];
  // The toc and config first, then chapters by path, each in line order.
  const rank = (file: string) => (file === '_toc.yml' ? 0 : file === '_config.yml' ? 1 : 2);
  const sorted = [...report.items].sort(
    (a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file) || (a.cell ?? 0) - (b.cell ?? 0) || (a.line ?? 0) - (b.line ?? 0),
  );
  const unresolved = sorted.filter((item) => item.unresolved);
  const changed = sorted.filter((item) => !item.unresolved);
  return [
    '# Jupyter Book import report',
    '',
    `Imported from \`${report.source}\`. Roles and directives are kept as the author wrote them; what the site`,
    'cannot show as written is kept visibly and listed under "Unresolved".',
    '',
    '## Summary',
    '',
    ...summaryLines(report).map((line) => `- ${line}`),
    '',
    '## Unresolved',
    '',
    ...(unresolved.length > 0 ? table(unresolved) : ['Nothing.']),
    '',
    '## Changed on the way',
    '',
    ...(changed.length > 0 ? table(changed) : ['Nothing.']),
    '',
  ].join('\n');
}
