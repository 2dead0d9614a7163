/**
 * Replace a file of the built site in one step: the new content is written beside it, then renamed
 * over it. After the pages are written, the search indexer reads them in its own process while KaTeX's
 * font subsets and the security policy rewrite them (book.ts); a reader must then see the old page or
 * the new one, never one cut off half-way, as a plain write (truncate, then write) would let it.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function replaceFile(file: string, content: string): void {
  // A dot-name without the page's extension: no reader of `*.html` picks the temporary file up.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}
