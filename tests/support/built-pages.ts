/**
 * The pages of a built site that the quality gates go through: every HTML file of the output (but
 * Pagefind's), as the URL path below the base that serves it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BuiltPageFile {
  /** File below the output folder, `/`-separated: `generative-ai/index.html`. */
  file: string;
  /** URL path below the base: `generative-ai/`, `content/1-3-mitigation.html`, `` for the home page. */
  url: string;
  /** A redirect stub of an old URL (it navigates away at once). */
  redirect: boolean;
}

/** Every HTML page of the site in `dir`, sorted by file. */
export function builtPages(dir: string): BuiltPageFile[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'))
    .sort()
    .map((file) => ({
      file,
      url: file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file,
      redirect: /<meta http-equiv="refresh"/i.test(readFileSync(path.join(dir, file), 'utf8')),
    }));
}
