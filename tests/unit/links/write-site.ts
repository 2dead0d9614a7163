/** Write a small built site (output folder) to a temporary folder, for the link and URL tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../support/temp-dir.js';

/** `files`: path below the output folder → content. Returns the folder. */
export function writeSite(files: Record<string, string>): string {
  const root = makeTempDir('book-site-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** A page in the shape of the book's layout: chrome around `main`, the chapter in `.chapter-body`. */
export function chapterPage(body: string, { chrome = '', main = '' }: { chrome?: string; main?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><title>A page</title></head><body>
<nav id="sidebar">${chrome}</nav>
<main id="main"><h1>Chapter</h1>${main}<div class="chapter-body">${body}</div></main>
</body></html>`;
}
