/**
 * The book's Content-Security-Policy: what a page may load and run. Everything comes from the site
 * itself ('self'); no other origin is allowed for anything, which is also the privacy promise (no
 * third-party requests). Scripts run only from the site's own files, or inline when their exact text
 * is one of ALLOWED_INLINE_SCRIPTS (by SHA-256 hash); no inline event handlers; no eval. A new inline
 * script anywhere in the output is not hashed, so the build stops and names the page
 * (src/integrations/content-security-policy.ts) instead of shipping a page whose script the browser
 * would silently block.
 *
 * Directives that need a reason:
 * - `'wasm-unsafe-eval'`: Pagefind's search runs WebAssembly, which CSP otherwise blocks; it allows
 *   compiling WebAssembly only, not `eval` of JavaScript.
 * - `style-src-attr 'unsafe-inline'`: KaTeX sizes and places glyphs with `style` attributes, and
 *   the site must not break its formulas. Style *elements* are allowed only by hash.
 * - `frame-ancestors` is ignored in a `<meta>` policy, so it is only in the header version.
 */
import { createHash } from 'node:crypto';
import { THEME_BOOT_SCRIPT } from './theme-boot-script.js';

/** The exact text of every inline script the site may run. Anything else inline is refused. */
export const ALLOWED_INLINE_SCRIPTS: readonly string[] = [THEME_BOOT_SCRIPT];

/** `'sha256-…'` source expression for a script's or style's exact text. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface PolicyInput {
  /** Hashes (`'sha256-…'`) of the `<style>` elements the site's pages contain. */
  styleHashes: readonly string[];
  /** For an HTTP header rather than a `<meta>` tag: adds the directives only a header can carry. */
  header?: boolean;
}

/** The policy text. */
export function contentSecurityPolicy({ styleHashes, header = false }: PolicyInput): string {
  const scriptHashes = [...new Set(ALLOWED_INLINE_SCRIPTS.map(hashSource))];
  const styles = [...new Set(styleHashes)].sort();
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...scriptHashes],
    ['script-src-attr', "'none'"],
    // Browsers without style-src-elem/-attr (older Safari) fall back to this.
    ['style-src', "'self'", "'unsafe-inline'"],
    ['style-src-elem', "'self'", ...styles],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  if (header) directives.push(['frame-ancestors', "'none'"]);
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** An inline `<script>` of a page: its text and where it starts. */
export interface InlineScript {
  text: string;
  /** Offset of `<script` in the page's HTML. */
  offset: number;
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const HAS_SRC = /(?:^|\s)src\s*=/i;
// Data blocks (JSON, JSON-LD, templates) are never executed, so CSP does not apply to them.
const TYPE = /(?:^|\s)type\s*=\s*(["']?)([^"'\s>]*)\1/i;
const EXECUTABLE_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** The inline scripts of a page that a browser would execute. */
export function inlineScripts(html: string): InlineScript[] {
  const scripts: InlineScript[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const attributes = match[1] ?? '';
    if (HAS_SRC.test(attributes)) continue;
    const type = (TYPE.exec(attributes)?.[2] ?? '').toLowerCase();
    if (!EXECUTABLE_TYPES.has(type)) continue;
    scripts.push({ text: match[2] ?? '', offset: match.index });
  }
  return scripts;
}

/** Hashes of the `<style>` elements of a page. */
export function styleHashes(html: string): string[] {
  return [...html.matchAll(STYLE)].map((match) => hashSource(match[1] ?? ''));
}

/** Inline scripts of a page whose text is not allowed. */
export function refusedScripts(html: string): InlineScript[] {
  const allowed = new Set(ALLOWED_INLINE_SCRIPTS);
  return inlineScripts(html).filter((script) => !allowed.has(script.text));
}

/**
 * The page with the policy as the first element of its `<head>`: a `<meta>` policy applies only to
 * what comes after it, so it must precede every script and stylesheet.
 */
export function withPolicyMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('The page has no <head> to carry its Content-Security-Policy.');
  const afterHead = head.index + head[0].length;
  // `<meta charset>` stays first: browsers look for it in the first 1024 bytes.
  const charset = /^\s*<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html.slice(afterHead));
  const at = afterHead + (charset ? charset[0].length : 0);
  return `${html.slice(0, at)}${meta}${html.slice(at)}`;
}

/** The `_headers` file (Netlify, Cloudflare Pages and others) that sends the policy for every URL. */
export function headersFile(headerPolicy: string): string {
  return [
    '# Security headers for hosts that read a _headers file; written by the build (src/security/content-security-policy.ts).',
    '/*',
    `  Content-Security-Policy: ${headerPolicy}`,
    '  Referrer-Policy: no-referrer',
    '  X-Content-Type-Options: nosniff',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    '',
  ].join('\n');
}
