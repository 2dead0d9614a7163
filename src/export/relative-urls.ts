/**
 * Links of a site built at base `/` made to work from a folder (file://): a browser opening
 * `index.html` by double-click has no server to turn `/slug/` into `/slug/index.html`, and `/` means
 * the root of the disk. So every root-absolute URL becomes relative to the file it is in, and every
 * URL of a folder gets its `index.html`; queries and fragments are kept.
 */
import path from 'node:path';

const EXTERNAL = /^(?:[a-z][a-z\d+.-]*:|\/\/)/i;

/** The relative prefix from a file to the export's root: `''` at the root, `../` one folder down. */
export function rootPrefix(fromFile: string): string {
  const depth = fromFile.split('/').length - 1;
  return '../'.repeat(depth);
}

/**
 * `url` as written in `fromFile` (a path below the root, `a/index.html`), for a folder: root-absolute
 * paths made relative, folder paths ending in `index.html`. External URLs, `data:` and bare
 * fragments are returned unchanged.
 */
export function folderUrl(fromFile: string, url: string): string {
  if (url === '' || url.startsWith('#') || url.startsWith('?') || EXTERNAL.test(url)) return url;
  const [, pathPart = '', rest = ''] = /^([^?#]*)(.*)$/.exec(url) ?? [];
  const fromDir = path.posix.dirname(`/${fromFile}`);
  const absolute = pathPart.startsWith('/') ? pathPart : path.posix.join(fromDir, pathPart);
  const target = absolute.endsWith('/') ? `${absolute}index.html` : absolute;
  const relative = path.posix.relative(fromDir, target);
  return `${relative === '' ? 'index.html' : relative}${rest}`;
}

// Attributes that hold one URL. `data-base` (the site's base, read by the page script) is handled apart.
const URL_ATTRIBUTE = /(\s(?:href|src|xlink:href|poster|action)=)(["'])([^"']*)\2/gi;
const REFRESH = /(<meta\s[^>]*http-equiv=["']?refresh["']?[^>]*content=["']\s*\d+\s*;\s*url=)([^"']+)(["'])/gi;
const DATA_BASE = /(\sdata-base=)(["'])[^"']*\2/i;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
const STYLE_ELEMENT = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi;

/** Every URL of a page (`file` below the root) made to work from a folder, inline styles included. */
export function rewritePageUrls(file: string, html: string): string {
  return html
    .replace(STYLE_ELEMENT, (_, open: string, css: string, close: string) => `${open}${rewriteCssUrls(file, css)}${close}`)
    .replace(URL_ATTRIBUTE, (_, name: string, quote: string, url: string) => `${name}${quote}${folderUrl(file, url.replace(/&amp;/g, '&')).replace(/&/g, '&amp;')}${quote}`)
    .replace(REFRESH, (_, before: string, url: string, after: string) => `${before}${folderUrl(file, url)}${after}`)
    .replace(DATA_BASE, (_, name: string, quote: string) => `${name}${quote}${rootPrefix(file) || './'}${quote}`);
}

/** Every `url(…)` of a stylesheet (or a page's inline style) relative to its file. */
export function rewriteCssUrls(file: string, css: string): string {
  return css.replace(CSS_URL, (whole, quote: string, url: string) => (url.startsWith('/') && !url.startsWith('//') ? `url(${quote}${folderUrl(file, url.trim())}${quote})` : whole));
}
