/**
 * Read a built site (Astro's output folder) once: its pages, the ids each one defines, which of those
 * are public anchors, the links and asset references each page makes, and where redirect pages point.
 * The redirects, the URL manifest check and the link checker all work from this one reading.
 *
 * Public anchors are the fragments readers may link to from outside (syllabi, slides, other sites),
 * so the URL manifest keeps them alive:
 * - every id inside a chapter's body (`.chapter-body`): section headings, figures, equations, labels,
 *   callouts, the chapter's reference list — except ids inside an inline `<svg>` (a drawing's own
 *   markers, gradients and titles, which change when the figure is redrawn) and occurrence ids that
 *   shift whenever text is edited (`cite-<key>-<n>`, a term's first use `termref-<slug>`, GFM
 *   footnote back-references);
 * - reference-list entries (`ref-<key>`) on any page (the bibliography's), and glossary entries
 *   (`term-<slug>`, the glossary page's);
 * - old anchors that moved to another page, which the redirect script follows (redirects.ts).
 * The page chrome (contents, on-this-page, skip link) is not: it belongs to the layout, not the text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { scanHtmlTags } from './scan-html-tags.js';

/** One reference from a page to a URL: a link, an asset, a redirect target. */
export interface PageReference {
  /** The element and attribute it is in, e.g. `a[href]`, `img[src]`, `meta[http-equiv=refresh]`. */
  where: string;
  /** The URL as written. */
  url: string;
}

/** One HTML page of the built site. */
export interface BuiltPage {
  /** Path of the file below the output folder, with `/` separators (`generative-ai/index.html`). */
  file: string;
  /** URL of the page relative to the site's base: `generative-ai/`, `content/1-3-mitigation.html`, `./`. */
  url: string;
  /** Every id (and `<a name>`) on the page: what a `#fragment` can land on. */
  ids: Set<string>;
  /** The public anchors, in document order. */
  anchors: string[];
  /** Links and asset references. */
  references: PageReference[];
  /** For a redirect page (a `<meta http-equiv="refresh">` with a URL): where it sends readers, as written. */
  redirectTo?: string;
  /** The page's HTML source. */
  html: string;
  /** The parsed page, with source positions (parsed when first read). */
  readonly tree: Root;
}

/** The built site: its HTML pages by file, every file's path, and the CSS files' URL references. */
export interface BuiltSite {
  pages: Map<string, BuiltPage>;
  files: Set<string>;
  stylesheets: Map<string, PageReference[]>;
}

/** The page Astro writes for missing URLs: served by hosts, never linked, not a published page. */
export const NOT_FOUND_PAGE = '404.html';

const OCCURRENCE_ID = /^(cite-|termref-|user-content-fnref-)/;
const REFERENCE_ENTRY = /^(ref|term)-/;
const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g;

/** Read every file of the site in `outDir`. */
export function readBuiltSite(outDir: string): BuiltSite {
  const site: BuiltSite = { pages: new Map(), files: new Set(), stylesheets: new Map() };
  for (const file of listFiles(outDir)) {
    site.files.add(file);
    if (file.endsWith('.html')) site.pages.set(file, readBuiltPage(file, readFileSync(path.join(outDir, file), 'utf8')));
    else if (file.endsWith('.css')) site.stylesheets.set(file, cssReferences(readFileSync(path.join(outDir, file), 'utf8')));
  }
  return site;
}

/**
 * Read one page: `file` is its path below the output folder. The tags are scanned (scan-html-tags.ts);
 * the full tree is parsed only when something asks for it (a redirect's title, an anchor alias).
 */
export function readBuiltPage(file: string, html: string): BuiltPage {
  let tree: Root | undefined;
  const page: BuiltPage = {
    file,
    url: pageUrl(file),
    ids: new Set(),
    anchors: [],
    references: [],
    html,
    get tree() {
      return (tree ??= fromHtml(html));
    },
  };
  scanPage(html, page);
  return page;
}

/** The base-relative URL of a page file: `x/index.html` → `x/`, `index.html` → `./`. */
export function pageUrl(file: string): string {
  if (file === 'index.html') return './';
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** The file that serves a base-relative page URL: `x/` → `x/index.html`, `./` → `index.html`. */
export function pageFile(url: string): string {
  const bare = url === './' ? '' : url;
  return bare === '' || bare.endsWith('/') ? `${bare}index.html` : bare;
}

/** The first element of `tree`, in document order, that passes `test`. */
export function findElement(tree: Root, test: (element: Element) => boolean): Element | undefined {
  const search = (nodes: RootContent[]): Element | undefined => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (test(node)) return node;
      const found = search(node.children);
      if (found) return found;
    }
    return undefined;
  };
  return search(tree.children);
}

/** Is this id one the manifest keeps (see the module comment)? */
export function isPublicAnchor(id: string, where: { inBody: boolean; inMain: boolean; inSvg: boolean }): boolean {
  if (where.inSvg || OCCURRENCE_ID.test(id)) return false;
  return where.inBody || (where.inMain && REFERENCE_ENTRY.test(id));
}

/** An open element the scan tracks: does it start the chapter body, `main`, a drawing? */
interface Opened {
  name: string;
  body: boolean;
  main: boolean;
  svg: boolean;
}

function scanPage(html: string, page: BuiltPage): void {
  const open: Opened[] = [];
  // How many of the open elements are (or are inside) the body, `main`, an `svg`.
  let body = 0;
  let main = 0;
  let svg = 0;
  for (const tag of scanHtmlTags(html)) {
    if (tag.kind === 'end') {
      // Close up to the matching element, as a parser does with unclosed descendants.
      const index = open.findLastIndex((element) => element.name.toLowerCase() === tag.name);
      if (index < 0) continue;
      for (const closed of open.splice(index)) {
        if (closed.body) body--;
        if (closed.main) main--;
        if (closed.svg) svg--;
      }
      continue;
    }
    const { name, attributes } = tag;
    const where = { inBody: body > 0, inMain: main > 0 };
    const inSvg = svg > 0 || name === 'svg';
    const id = attributes.get('id');
    if (id !== undefined && id !== '') {
      page.ids.add(id);
      // Inside means below: the body's own container is not an anchor in it, a drawing's root is in it.
      if (isPublicAnchor(id, { ...where, inSvg })) page.anchors.push(id);
    }
    if (name === 'a' && attributes.has('name')) page.ids.add(attributes.get('name') as string);
    // Old anchors that moved to another page still work here: the redirect script follows them.
    if (name === 'script') {
      for (const moved of movedAnchors(attributes.get('data-moved'))) {
        page.ids.add(moved);
        page.anchors.push(moved);
      }
    }
    collectReferences(name, attributes, page);
    if (!tag.opens) continue;
    const opened: Opened = {
      name,
      body: (attributes.get('class') ?? '').split(/[\t\n\f\r ]+/).includes('chapter-body'),
      main: name === 'main',
      svg: name === 'svg',
    };
    open.push(opened);
    if (opened.body) body++;
    if (opened.main) main++;
    if (opened.svg) svg++;
  }
}

const REFERENCE_ATTRIBUTES = ['href', 'src', 'xlink:href', 'poster'] as const;

function collectReferences(tagName: string, attributes: Map<string, string>, page: BuiltPage): void {
  for (const attribute of REFERENCE_ATTRIBUTES) {
    const value = attributes.get(attribute);
    if (value !== undefined) page.references.push({ where: `${tagName}[${attribute}]`, url: value });
  }
  for (const candidate of (attributes.get('srcset') ?? '').split(',')) {
    const url = candidate.trim().split(/\s+/)[0];
    if (url) page.references.push({ where: `${tagName}[srcset]`, url });
  }
  const isRefresh = tagName === 'meta' && attributes.get('http-equiv')?.trim().toLowerCase() === 'refresh';
  const content = attributes.get('content');
  if (isRefresh && content !== undefined) {
    const target = /url\s*=\s*['"]?([^'"]+)/i.exec(content)?.[1]?.trim();
    if (target) {
      page.redirectTo ??= target;
      page.references.push({ where: 'meta[http-equiv=refresh]', url: target });
    }
  }
}

/** The old ids of a redirect script's `data-moved` map (redirect-page.ts). */
function movedAnchors(value: string | undefined): string[] {
  if (value === undefined) return [];
  try {
    return Object.keys(JSON.parse(value) as Record<string, string>);
  } catch {
    return [];
  }
}

function cssReferences(css: string): PageReference[] {
  const found: PageReference[] = [];
  for (const match of css.matchAll(CSS_URL)) {
    const url = (match[2] ?? match[4] ?? '').trim();
    if (url) found.push({ where: match[2] ? 'css url()' : 'css @import', url });
  }
  return found;
}

/** Every file below `root`, as `/`-separated paths relative to it, sorted. */
export function listFiles(root: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else found.push(`${prefix}${entry.name}`);
    }
  };
  visit(root, '');
  return found.sort();
}
