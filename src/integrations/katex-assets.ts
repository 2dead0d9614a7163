/**
 * Self-host KaTeX's fonts at `<base>_katex/` (no CDN: readers' privacy), served from the installed
 * `katex` package in dev; a build writes them cut down to the glyphs the book uses
 * (katex-font-subsets.ts). Only the WOFF2 files are named: every browser that runs the book's scripts
 * reads WOFF2, and the WOFF and TrueType copies would double what an offline copy stores. Its stylesheet goes inline into the pages
 * that contain math, and only those: a linked stylesheet would be one more round trip before the
 * fonts it names could even be requested, which delayed the first paint of math-heavy chapters on
 * phones (`npm run audit`: ~1.9 s against ~1.1 s inline). A build cuts it down to the rules the book's
 * formulas use (katex-stylesheet-pruning.ts): about 1.3 KB gzip per math page instead of 3.3 KB.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/** URL folder of the KaTeX assets, below the site's base. */
export const KATEX_FOLDER = '_katex';

/** The installed KaTeX's `dist/` folder (its stylesheet and fonts). */
export function katexDist(): string {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  return path.dirname(require.resolve('katex/dist/katex.min.css'));
}

const stylesheets = new Map<string, string>();

/** KaTeX's stylesheet, its WOFF2 font URLs pointing at `<base>_katex/fonts/`, to inline in a page. */
export function katexStylesheet(base: string): string {
  let css = stylesheets.get(base);
  if (css === undefined) {
    css = readFileSync(path.join(katexDist(), 'katex.min.css'), 'utf8')
      .replace(/,url\(fonts\/[\w-]+\.woff\) format\("woff"\),url\(fonts\/[\w-]+\.ttf\) format\("truetype"\)/g, '')
      .replaceAll('url(fonts/', `url(${base}${KATEX_FOLDER}/fonts/`);
    stylesheets.set(base, css);
  }
  return css;
}

const TYPES: Record<string, string> = { '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

/** Vite plugin serving the same files in dev. */
export function katexDevAssets(base: string): Plugin {
  const prefix = `${base}${KATEX_FOLDER}/`;
  return {
    name: 'book:katex-assets',
    configureServer(server) {
      const source = katexDist();
      server.middlewares.use((request, response, next) => {
        const url = request.url?.split('?')[0] ?? '';
        if (!url.startsWith(prefix)) return next();
        const file = path.join(source, path.normalize(url.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ''));
        if (!existsSync(file)) return next();
        response.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(response);
      });
    },
  };
}
