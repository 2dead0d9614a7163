/**
 * The URL manifest, `content/urls.json`: every published page (relative to the site's base), each with
 * its public anchors (built-site.ts says which ids those are), and every redirect page with where it
 * leads. It is committed, so the build can tell when a URL that readers may have linked to disappears:
 * a page or anchor of the manifest that the built site no longer has, and that no alias of
 * `content/redirects.yaml` covers, fails the build with the whole list. New pages and anchors are
 * fine; `npm run urls:accept` (scripts/urls-accept.ts) writes the manifest from the last build.
 *
 * Paths are base-relative and read from the output folder, whose layout does not depend on the base,
 * so a sub-path build compares against the same manifest. A book without a manifest (the test
 * fixtures) is not checked.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { VFile } from 'vfile';
import type { BookPaths } from '../book/book-paths.js';
import { nearest } from '../diagnostics/did-you-mean.js';
import { summarizeDiagnostics } from '../diagnostics/report.js';
import { RuleId } from '../diagnostics/rule-ids.js';
import { type BuiltSite, NOT_FOUND_PAGE } from './built-site.js';
import { type UrlAlias, loadUrlAliases } from './url-aliases.js';
import { BuildProblems } from './build-failure.js';

/** File name of the manifest, in the book's `content/` folder. */
export const MANIFEST_FILE = 'urls.json';

/** The command that rewrites the manifest. */
export const ACCEPT_COMMAND = 'npm run urls:accept';

export interface UrlManifest {
  /** Published pages (`generative-ai/`, `./` for the home page) → their public anchors, sorted. */
  pages: Record<string, string[]>;
  /** Redirect pages (`content/4-1-GenAI.html`) → the page they lead to, both relative to the base. */
  redirects: Record<string, string>;
}

export interface ManifestChanges {
  /** Kept URLs the site no longer has and no alias covers: `page/`, `page/#anchor`. */
  missing: string[];
  /** URLs the site has that the manifest does not list yet. */
  added: string[];
  /** Redirects that now lead elsewhere: `old → new (was …)`. */
  retargeted: string[];
}

/** Path of the book's manifest. */
export function manifestPath(paths: BookPaths): string {
  return path.join(paths.content, MANIFEST_FILE);
}

/** The manifest of a built site. */
export function manifestOfSite(site: BuiltSite): UrlManifest {
  const manifest: UrlManifest = { pages: {}, redirects: {} };
  const pages = [...site.pages.values()].sort((a, b) => a.url.localeCompare(b.url));
  for (const page of pages) {
    if (page.file === NOT_FOUND_PAGE) continue;
    if (page.redirectTo !== undefined) manifest.redirects[page.url] = resolveBelowBase(page.url, page.redirectTo);
    else manifest.pages[page.url] = [...new Set(page.anchors)].sort();
  }
  return manifest;
}

/** Compare the kept manifest with the built site's; an alias covers the old URL it names. */
export function compareManifests(kept: UrlManifest, built: UrlManifest, aliases: readonly UrlAlias[] = []): ManifestChanges {
  const changes: ManifestChanges = { missing: [], added: [], retargeted: [] };
  const aliased = new Set(aliases.map((alias) => (alias.fromAnchor ? `${alias.fromPage}#${alias.fromAnchor}` : alias.fromPage)));
  const builtUrls = (url: string) => Object.hasOwn(built.pages, url) || Object.hasOwn(built.redirects, url);
  for (const [page, anchors] of Object.entries(kept.pages)) {
    if (!builtUrls(page) && !aliased.has(page)) changes.missing.push(page);
    // A page that moved keeps the anchors its new page still has: the redirect passes the fragment on.
    const target = built.redirects[page];
    const now = built.pages[page] ?? (target !== undefined && !target.includes('#') ? built.pages[target] : undefined) ?? [];
    const has = new Set(now);
    for (const anchor of anchors) {
      if (!has.has(anchor) && !aliased.has(`${page}#${anchor}`)) changes.missing.push(`${page}#${anchor}`);
    }
  }
  for (const [from, to] of Object.entries(kept.redirects)) {
    if (!builtUrls(from) && !aliased.has(from)) changes.missing.push(from);
    const now = built.redirects[from];
    if (now !== undefined && now !== to) changes.retargeted.push(`${from} → ${now} (was ${to})`);
  }
  for (const [page, anchors] of Object.entries(built.pages)) {
    const before = kept.pages[page];
    if (!before) {
      changes.added.push(page);
      continue;
    }
    const had = new Set(before);
    for (const anchor of anchors) if (!had.has(anchor)) changes.added.push(`${page}#${anchor}`);
  }
  for (const from of Object.keys(built.redirects)) if (!Object.hasOwn(kept.redirects, from)) changes.added.push(from);
  return changes;
}

/** The manifest as committed: stable key order, one anchor per line, so that diffs are readable. */
export function serializeManifest(manifest: UrlManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Write the manifest of `site` for the book at `paths`; returns the changes from the previous one. */
export function acceptManifest(paths: BookPaths, site: BuiltSite): ManifestChanges {
  const file = manifestPath(paths);
  const previous = existsSync(file) ? parseManifest(readFileSync(file, 'utf8')) : { pages: {}, redirects: {} };
  const built = manifestOfSite(site);
  writeFileSync(file, serializeManifest(built));
  return compareManifests(previous, built);
}

/** Parse a manifest file; throws with what to do when it is not one. */
export function parseManifest(source: string): UrlManifest {
  const value: unknown = JSON.parse(source);
  const record = (candidate: unknown): candidate is Record<string, unknown> => typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate);
  if (!record(value) || !record(value.pages) || !record(value.redirects)) {
    throw new Error(`not a URL manifest (expected { "pages": {…}, "redirects": {…} }): run \`${ACCEPT_COMMAND}\` to rewrite it`);
  }
  return value as unknown as UrlManifest;
}

/**
 * Compare the built site with the book's manifest. Missing URLs are logged as positioned errors in
 * the manifest and fail the build; new ones are listed as information.
 */
export function checkUrlManifest(paths: BookPaths, site: BuiltSite, logger: AstroIntegrationLogger): void {
  const absolute = manifestPath(paths);
  const display = path.relative(paths.root, absolute).split(path.sep).join('/');
  if (!existsSync(absolute)) {
    logger.info(`URL manifest: none (${display}); run \`${ACCEPT_COMMAND}\` after a build to start keeping this book's URLs`);
    return;
  }
  const source = readFileSync(absolute, 'utf8');
  let kept: UrlManifest;
  try {
    kept = parseManifest(source);
  } catch (error) {
    throw new Error(`${display}: ${(error as Error).message}`);
  }
  const changes = compareManifests(kept, manifestOfSite(site), loadUrlAliases(paths).aliases);
  if (changes.added.length > 0) {
    logger.info(`URL manifest: ${changes.added.length} new URL(s) not yet kept in ${display} (run \`${ACCEPT_COMMAND}\` to keep them): ${abbreviate(changes.added)}`);
  }
  for (const line of changes.retargeted) logger.info(`URL manifest: redirect ${line}`);
  if (changes.missing.length === 0) {
    logger.info(`URL manifest: every kept URL is still there (${countUrls(kept)} pages and anchors)`);
    return;
  }
  const file = new VFile({ path: display, value: source });
  const locate = manifestLocator(source);
  const newAnchors = (page: string) => changes.added.filter((url) => url.startsWith(`${page}#`)).map((url) => url.slice(page.length + 1));
  for (const url of changes.missing) {
    const [page = '', anchor] = url.split('#');
    // A renamed heading shows up as one anchor gone and one new: suggest the nearest new one.
    const [suggestion = 'new-id'] = anchor !== undefined ? nearest(anchor, newAnchors(page), 1) : [];
    const how = anchor !== undefined ? `\`${page}#${anchor} -> ${page}#${suggestion}\`` : `\`${page} -> new-page/\``;
    file.message(
      `\`${url}\` is gone from the built site and has no alias: if it moved, declare ${how} in content/redirects.yaml; if it is meant to go, run \`${ACCEPT_COMMAND}\``,
      { place: locate(page, anchor), ruleId: RuleId.urlKept, source: 'url-manifest' },
    ).fatal = true;
  }
  for (const line of summarizeDiagnostics([file]).errors) logger.error(line);
  throw new BuildProblems(
    `${changes.missing.length} published URL(s) or anchor(s) would break, listed above. Declare where they went in content/redirects.yaml, or, if that is intended, run \`${ACCEPT_COMMAND}\` and commit ${display}.`,
  );
}

/** `to`, written on the page at base-relative `from`, as a base-relative URL. */
function resolveBelowBase(from: string, to: string): string {
  const root = 'http://book.invalid/';
  const url = new URL(to, new URL(from === './' ? '' : from, root));
  if (url.origin !== new URL(root).origin) return to;
  const below = decodeURIComponent(url.pathname.slice(1)) + url.hash;
  return below === '' || below.startsWith('#') ? `./${below}` : below;
}

/** Line and column of a page, or of one of its anchors, in the serialized manifest. */
function manifestLocator(source: string): (page: string, anchor?: string) => { line: number; column: number } | undefined {
  const lines = source.split('\n');
  return (page, anchor) => {
    const key = `${JSON.stringify(page)}:`;
    const start = lines.findIndex((line) => line.trimStart().startsWith(key));
    if (start < 0) return undefined;
    if (anchor !== undefined) {
      const quoted = JSON.stringify(anchor);
      for (let index = start; index < lines.length; index++) {
        const line = lines[index] ?? '';
        const column = line.indexOf(quoted);
        if (column >= 0 && index > start) return { line: index + 1, column: column + 1 };
        if (index > start && /^\s*\]/.test(line)) break;
      }
    }
    return { line: start + 1, column: (lines[start] ?? '').indexOf('"') + 1 };
  };
}

function countUrls(manifest: UrlManifest): number {
  return Object.values(manifest.pages).reduce((count, anchors) => count + 1 + anchors.length, Object.keys(manifest.redirects).length);
}

function abbreviate(urls: readonly string[], count = 12): string {
  return urls.length <= count ? urls.join(', ') : `${urls.slice(0, count).join(', ')} and ${urls.length - count} more`;
}
