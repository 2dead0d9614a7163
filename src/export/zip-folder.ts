/**
 * The export's `.zip`: the folder under its own name, so unpacking it gives one folder with
 * `index.html` inside. With fflate (pure JavaScript), not a system `zip` that a machine may lack.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Zippable, zipSync } from 'fflate';
import { listFiles } from '../integrations/built-site.js';

/** Already-compressed formats are stored, not deflated again. */
const STORED = /\.(woff2?|png|jpe?g|webp|gif|zip|pdf)$/i;

/** Zip `folder` into `zipFile`, its entries below the folder's own name; returns the zip's size in bytes. */
export function zipFolder(folder: string, zipFile: string): number {
  const name = path.basename(folder);
  const entries: Zippable = {};
  for (const file of listFiles(folder)) {
    entries[`${name}/${file}`] = [readFileSync(path.join(folder, file)), { level: STORED.test(file) ? 0 : 9 }];
  }
  // A fixed date: the same folder gives the same zip.
  const zipped = zipSync(entries, { mtime: new Date('2000-01-01T00:00:00Z') });
  writeFileSync(zipFile, zipped);
  return zipped.byteLength;
}
