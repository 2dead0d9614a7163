/**
 * `npm run import -- <book-folder> [--into <dir>] [--force]`: bring a Jupyter Book (its _toc.yml,
 * _config.yml, MyST chapters, notebooks, images and .bib files) into this project, or into the project
 * at `--into`. Prints the summary and writes import-report.md; exits 1 with a message naming the file
 * on unreadable input or on files it must not overwrite (nothing is written then).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ImportError } from '../src/import/import-error.js';
import { REPORT, importBook } from '../src/import/import-book.js';
import { formatPlace, summaryLines } from '../src/import/import-report.js';

const usage = 'usage: npm run import -- <jupyter-book-folder> [--into <project-folder>] [--force]';

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { into: { type: 'string' }, force: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
}
try {
  parsed = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || positionals.length !== 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const source = positionals[0] as string;
const target = path.resolve(values.into ?? process.cwd());
try {
  const { report, write } = importBook(path.resolve(source), target, { force: values.force, sourceName: source });
  console.log(`Imported ${source} into ${path.relative(process.cwd(), target) || '.'}:`);
  for (const line of summaryLines(report)) console.log(`  ${line}`);
  console.log(`  files written: ${write.written.length}${write.removed.length ? `, removed (no longer in the book): ${write.removed.length}` : ''}`);
  for (const file of write.overwritten) console.log(`  overwritten (--force): ${file}`);
  for (const file of write.keptEdited) console.log(`  kept (edited, no longer in the book): ${file}`);
  const unresolved = report.items.filter((item) => item.unresolved);
  if (unresolved.length > 0) {
    console.log(`Unresolved (${unresolved.length}), also in ${REPORT}:`);
    for (const item of unresolved) console.log(`  ${formatPlace(item)}  ${item.construct}: ${item.action}`);
  }
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  console.error(`Import failed: ${error.message}`);
  process.exit(1);
}
