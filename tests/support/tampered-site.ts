/**
 * A copy of a built site with one file changed, so each gate can show that it catches the regression
 * it exists for (an inline script, a missing alt text, a heavy script…) on a real page.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './temp-dir.js';

/** Copy `dir` to a new temporary folder, apply `edits` (file below the site → new content), return it. */
export function tamperedSite(dir: string, edits: Record<string, (content: string) => string>, extraFiles: Record<string, string | Buffer> = {}): string {
  const copy = makeTempDir('book-tampered-');
  cpSync(dir, copy, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(copy, file);
    const before = readFileSync(target, 'utf8');
    const after = edit(before);
    if (after === before) throw new Error(`Tampering with ${file} changed nothing: the test no longer tests what it says.`);
    writeFileSync(target, after);
  }
  for (const [file, content] of Object.entries(extraFiles)) writeFileSync(path.join(copy, file), content);
  return copy;
}
