/**
 * The link checker: every internal link and asset reference of a built site — `href`, `src`,
 * `srcset`, `xlink:href`, a redirect's target, a stylesheet's `url()` — must resolve to a file of the
 * site, below its base, and a `#fragment` to an id on the page it names (through redirect pages, as
 * readers' browsers follow them). Links to other hosts are not checked: pages make no request to them,
 * and a book build must not depend on the network. A pure function of the site as read by
 * built-site.ts; `npm test` runs it on the built book, at `/` and under a sub-path.
 */
import { type BuiltPage, type BuiltSite, readBuiltSite } from './built-site.js';

/** One reference that does not resolve. */
export interface BrokenLink {
  /** The file it is in (a page or a stylesheet), below the output folder. */
  file: string;
  /** The element and attribute, e.g. `a[href]`. */
  where: string;
  /** The URL as written. */
  url: string;
  /** What is wrong. */
  reason: string;
}

const ORIGIN = 'http://book.invalid';
const MAX_REDIRECTS = 5;

/** Read the site in `outDir` and check it; `base` is the site's base path, ending in `/`. */
export function checkBuiltLinks(outDir: string, base = '/'): BrokenLink[] {
  return checkLinks(readBuiltSite(outDir), base);
}

/** Every broken internal reference of `site`, in file order. */
export function checkLinks(site: BuiltSite, base = '/'): BrokenLink[] {
  const broken: BrokenLink[] = [];
  for (const page of site.pages.values()) {
    const address = `${ORIGIN}${base}${page.url === './' ? '' : page.url}`;
    for (const reference of page.references) {
      const reason = checkReference(site, base, address, reference.url, page);
      if (reason) broken.push({ file: page.file, ...reference, reason });
    }
  }
  for (const [file, references] of site.stylesheets) {
    for (const reference of references) {
      const reason = checkReference(site, base, `${ORIGIN}${base}${file}`, reference.url);
      if (reason) broken.push({ file, ...reference, reason });
    }
  }
  return broken;
}

/** One line per broken link: `file  where="url"  reason`. */
export function formatBrokenLink(link: BrokenLink): string {
  return `${link.file}  ${link.where}="${link.url}"  ${link.reason}`;
}

/** Why `url`, written on the page at `address`, does not resolve; `undefined` when it does. */
function checkReference(site: BuiltSite, base: string, address: string, written: string, page?: BuiltPage): string | undefined {
  const url = parse(written, address);
  if (!url) return 'is not a valid URL';
  if (url.origin !== ORIGIN) return undefined;
  const resolved = resolveFile(site, base, url);
  if (typeof resolved !== 'object') return resolved;
  const fragment = decode(url.hash.slice(1));
  if (fragment === '' || fragment === 'top' || !resolved.file.endsWith('.html')) return undefined;
  const target = followRedirects(site, base, resolved.page ?? page);
  if (!target) return `leads through redirects to no page`;
  if (target.ids.has(fragment)) return undefined;
  return `names no element on ${target.url === './' ? 'the home page' : `\`${target.url}\``}: there is no id \`${fragment}\``;
}

/** The file a same-origin URL names, or why there is none. */
function resolveFile(site: BuiltSite, base: string, url: URL): { file: string; page?: BuiltPage } | string {
  if (!url.pathname.startsWith(base)) return `is outside the site's base \`${base}\``;
  const below = decode(url.pathname.slice(base.length));
  const file = below === '' || below.endsWith('/') ? `${below}index.html` : below;
  if (site.files.has(file)) return { file, page: site.pages.get(file) };
  if (site.files.has(`${below}/index.html`)) return `names a page without its trailing slash: write \`${url.pathname}/\``;
  return `names nothing in the built site (no file \`${file}\`)`;
}

function followRedirects(site: BuiltSite, base: string, start: BuiltPage | undefined): BuiltPage | undefined {
  let page = start;
  for (let hop = 0; page?.redirectTo !== undefined && hop < MAX_REDIRECTS; hop++) {
    const url = parse(page.redirectTo, `${ORIGIN}${base}${page.url === './' ? '' : page.url}`);
    const next = url && url.origin === ORIGIN ? resolveFile(site, base, url) : undefined;
    page = typeof next === 'object' ? next.page : undefined;
  }
  return page?.redirectTo === undefined ? page : undefined;
}

function parse(url: string, address: string): URL | undefined {
  try {
    return new URL(url.trim(), address);
  } catch {
    return undefined;
  }
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
