/**
 * Command-line options of `npm run audit` (after `--`): `--dist <dir>` audits an existing build instead
 * of building the book, `--runs <n>` runs Lighthouse n times per page and preset and keeps the median
 * run, `--out <dir>` writes each kept Lighthouse report (JSON) there, `--strict` exits 1 when any score
 * is below 100.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface AuditOptions {
  /** A built site to audit; undefined: build the book into a temporary folder. */
  dist?: string;
  /** Folder for the JSON reports; undefined: none written. */
  out?: string;
  /** Lighthouse runs per page and preset; the median one is reported (Lighthouse's own choice of median). */
  runs: number;
  /** Exit 1 when any category scores below 100 (default: report only, exit 0). */
  strict: boolean;
}

/** Parse `args` (process.argv without node and the script); paths are resolved against the cwd. */
export function parseAuditOptions(args: string[]): AuditOptions {
  const { values } = parseArgs({
    args,
    options: {
      dist: { type: 'string' },
      out: { type: 'string' },
      runs: { type: 'string', default: '1' },
      strict: { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs expects a whole number of runs, at least 1 (got \`${values.runs}\`).`);
  return {
    dist: values.dist === undefined ? undefined : path.resolve(values.dist),
    out: values.out === undefined ? undefined : path.resolve(values.out),
    runs,
    strict: values.strict,
  };
}
