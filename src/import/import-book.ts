/**
 * `npm run import`: bring a Jupyter Book into a project of this site. Plans the whole import in memory
 * (plan-import.ts), adds the old URLs to the target's `content/redirects.yaml` (kept as it is, new
 * lines appended), writes `import-report.md`, and writes everything atomically (write-book.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type ImportReport, renderReport } from './import-report.js';
import { planImport } from './plan-import.js';
import { type WriteResult, readManifest, writeBook } from './write-book.js';

export const REDIRECTS = 'content/redirects.yaml';
export const REPORT = 'import-report.md';

export interface ImportOptions {
  /** Overwrite files edited since the last import, or not written by it. */
  force?: boolean;
  /** How to name the book folder in the report (default: as given). */
  sourceName?: string;
}

export interface ImportResult {
  report: ImportReport;
  write: WriteResult;
}

/** Import the Jupyter Book in `bookDir` into the project at `target`. */
export function importBook(bookDir: string, target: string, options: ImportOptions = {}): ImportResult {
  const plan = planImport(bookDir, options.sourceName ?? bookDir);
  const files = new Map(plan.files);
  const redirectsPath = path.join(target, REDIRECTS);
  files.set(REDIRECTS, mergeRedirects(existsSync(redirectsPath) ? readFileSync(redirectsPath, 'utf8') : undefined, plan.redirects));

  // Chapters already in the target that this book does not have would fail its build: say so.
  const ours = new Set([...files.keys(), ...Object.keys(readManifest(target).files)]);
  for (const file of listChapters(path.join(target, 'content'))) {
    const relative = `content/${file}`;
    if (!ours.has(relative)) {
      plan.report.items.push({
        file: relative,
        construct: 'a chapter of the target project not in the imported book',
        action: 'left in place; the build fails on a chapter not listed in content/book.yaml: delete it, or list it there',
        unresolved: true,
      });
    }
  }
  files.set(REPORT, renderReport(plan.report));
  const write = writeBook(target, files, { force: options.force, merged: new Set([REDIRECTS, REPORT]) });
  return { report: plan.report, write };
}

/** The target's aliases with a line for each old URL not already there. */
export function mergeRedirects(existing: string | undefined, lines: readonly string[]): string {
  const oldUrl = (line: string) => /^\s*-\s*(\S+)\s*->/.exec(line)?.[1];
  const known = new Set((existing ?? '').split('\n').map(oldUrl));
  const added = lines.filter((line) => !known.has(oldUrl(line)));
  const header = existing ?? '# Old URLs and where they now live: one `old -> new` line each, both relative to the site\'s base.\n';
  if (added.length === 0) return header;
  return `${header.replace(/\n*$/, '\n')}# The Jupyter Book's pages (<path in the book>.html) lead to their chapters.\n${added.join('\n')}\n`;
}

/** Chapter files under `content/`, relative to it. */
function listChapters(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return listChapters(path.join(dir, entry.name), `${relative}/`);
    return /\.(mdx?|ipynb)$/.test(entry.name) ? [relative] : [];
  });
}
