/**
 * The book's edition, shown on its home page (the website, the exported folder and the PDF's title
 * page): the project's version (package.json) and the date of the build. `BOOK_EDITION_DATE`
 * (`YYYY-MM-DD`) fixes the date, so a rebuild of a published edition can say the same.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Edition {
  version: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** "Version 0.1.0, 30 November 2026". */
  label: string;
}

/** The edition of a build in `root` (the project folder) now, or at `BOOK_EDITION_DATE`. */
export function bookEdition(root: string = process.cwd(), now: Date = new Date()): Edition {
  const fixed = process.env.BOOK_EDITION_DATE;
  if (fixed !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(fixed)) throw new Error(`BOOK_EDITION_DATE must be a date as YYYY-MM-DD, not "${fixed}"`);
  const date = fixed ?? now.toISOString().slice(0, 10);
  let version = '0.0.0';
  try {
    version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? version;
  } catch {
    // A book folder without package.json (a test fixture) has no version of its own.
  }
  const spelled = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return { version, date, label: `Version ${version}, ${spelled}` };
}
