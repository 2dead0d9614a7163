/**
 * A minimal static file server for built sites, on 127.0.0.1, serving a folder under a base path
 * (as a static host would: `dir/index.html` for `dir/`, `404.html` with status 404 otherwise).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface StaticSite {
  origin: string;
  /** Absolute URL of a path below the base, e.g. `url('generative-ai/')`. */
  url: (pathBelowBase?: string) => string;
  close: () => Promise<void>;
}

/** Serve `root` under `base` on a free port. */
export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = pathname.startsWith(base) ? resolveFile(root, pathname.slice(base.length)) : undefined;
    if (!file) {
      const notFound = path.join(root, '404.html');
      response.writeHead(404, { 'Content-Type': TYPES['.html'] as string });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (below = '') => `${origin}${base}${below}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function resolveFile(root: string, relative: string): string | undefined {
  const candidate = path.join(root, path.normalize(relative).replace(/^(\.\.[/\\])+/, ''));
  if (!candidate.startsWith(root)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = path.join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}
