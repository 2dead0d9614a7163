/**
 * Self-host KaTeX's stylesheet and fonts at `<base>_katex/` (no CDN: readers' privacy). Served from
 * the installed `katex` package in dev and copied into the build output; pages link them only when
 * they contain math.
 */
import { cpSync, createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/** URL folder of the KaTeX assets, below the site's base. */
export const KATEX_FOLDER = '_katex';

function katexDist(): string {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  return path.dirname(require.resolve('katex/dist/katex.min.css'));
}

/** Copy `katex.min.css` and `fonts/` into `<outDir>/_katex/`. */
export function copyKatexAssets(outDir: string): void {
  const source = katexDist();
  const target = path.join(outDir, KATEX_FOLDER);
  cpSync(path.join(source, 'katex.min.css'), path.join(target, 'katex.min.css'));
  cpSync(path.join(source, 'fonts'), path.join(target, 'fonts'), { recursive: true });
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
