/**
 * A minimal static file server for built sites, on 127.0.0.1, serving a folder under a base path
 * as a static host would: `dir/index.html` for `dir/`, `404.html` with status 404 otherwise, text
 * compressed with gzip when the browser accepts it (so transferred sizes are real), Astro's
 * content-hashed assets (`_astro/`) cached for a year and everything else revalidated, and the
 * headers of the site's `_headers` file (the Content-Security-Policy among them). The tests and the
 * Lighthouse audit (scripts/audit.ts) both serve the book with it.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  origin: string;
  /** Absolute URL of a path below the base, e.g. `url('generative-ai/')`. */
  url: (pathBelowBase?: string) => string;
  close: () => Promise<void>;
}

/**
 * Serve `root` under `base` on a free port, or on `port`: serving two builds in turn on one port lets
 * a test deploy a new edition to the same origin, as the offline tests do.
 */
export async function serveStatic(root: string, base = '/', options: { port?: number } = {}): Promise<StaticSite> {
  const headerRules = readHeaderRules(root);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = pathname.startsWith(base) ? resolveFile(root, pathname.slice(base.length)) : undefined;
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const headers = { ...headersFor(headerRules, pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname) };
    if (!file) {
      const notFound = path.join(root, '404.html');
      if (existsSync(notFound)) send(response, 404, notFound, headers, gzip, request.method === 'HEAD');
      else response.writeHead(404, headers).end('Not found');
      return;
    }
    headers['Cache-Control'] = pathname.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
    send(response, 200, file, headers, gzip, request.method === 'HEAD');
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (below = '') => `${origin}${base}${below}`,
    close: () =>
      new Promise((resolve) => {
        // Browsers keep connections alive: close them too, or close() waits for their timeout.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Types a host compresses (fonts, images and Pagefind's pre-compressed files are sent as they are). */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.txt', '.xml', '.webmanifest', '.ttf']);

function send(response: ServerResponse, status: number, file: string, headers: OutgoingHttpHeaders, gzip: boolean, headOnly: boolean): void {
  const extension = path.extname(file);
  const compress = gzip && COMPRESSIBLE.has(extension);
  response.writeHead(status, {
    ...headers,
    'Content-Type': TYPES[extension] ?? 'application/octet-stream',
    ...(compress ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : { 'Content-Length': statSync(file).size }),
  });
  if (headOnly) {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  if (compress) stream.pipe(createGzip()).pipe(response);
  else stream.pipe(response);
}

interface HeaderRule {
  /** A URL path below the base, `*` matching anything. */
  pattern: RegExp;
  headers: Record<string, string>;
}

/** The rules of a `_headers` file (Netlify's format: a path line, then indented `Name: value` lines). */
function readHeaderRules(root: string): HeaderRule[] {
  const file = path.join(root, '_headers');
  if (!existsSync(file)) return [];
  const rules: HeaderRule[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
      rules.push({ pattern, headers: {} });
    } else {
      const colon = line.indexOf(':');
      const rule = rules.at(-1);
      if (rule && colon > 0) rule.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return rules;
}

function headersFor(rules: readonly HeaderRule[], pathBelowBase: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => rule.pattern.test(pathBelowBase)).map((rule) => rule.headers));
}

function resolveFile(root: string, relative: string): string | undefined {
  const candidate = path.join(root, path.normalize(relative).replace(/^(\.\.[/\\])+/, ''));
  if (!candidate.startsWith(root)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = path.join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Serve several sites in one test file and close them all at the end (`afterAll(sites.closeAll)`). */
export function staticSites(): { serve: (root: string, base?: string) => Promise<StaticSite>; closeAll: () => Promise<void> } {
  const open: StaticSite[] = [];
  return {
    serve: async (root, base) => {
      const site = await serveStatic(root, base);
      open.push(site);
      return site;
    },
    closeAll: async () => {
      for (const site of open.splice(0)) await site.close();
    },
  };
}
