/**
 * Old URLs keep working: after the build, every alias of `content/redirects.yaml` (url-aliases.ts) is
 * checked against the built site and applied to it.
 * - A page that moved (`old/ -> new/`, the previous edition's `content/<id>.html -> {doc}`id``) gets a
 *   static redirect page at its old URL (redirect-page.ts), listing the new page's anchors so that an
 *   old `#fragment` is kept when it still exists. Chapters are resolved through the book model, so a
 *   redirect follows a chapter's slug; a planned chapter's old URL leads to the home page (where the
 *   contents list it as forthcoming) until it is published, then to its page.
 * - An anchor renamed on its page (`x/#old -> x/#new`) gets an empty element with the old id at the
 *   start of the new one, so old links land there without JavaScript (anchor-aliases.ts).
 * - An anchor moved to another page (`x/#old -> y/#new`) is followed by the redirect script, added to
 *   page `x/` (or to its redirect page if `x/` itself moved).
 * Every problem (an unknown target, an alias for a URL that still exists) fails the build, all listed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { buildBookModel, type BookModel } from '../book/book-model.js';
import type { BookPaths } from '../book/book-paths.js';
import { didYouMean, nearest } from '../diagnostics/did-you-mean.js';
import { summarizeDiagnostics } from '../diagnostics/report.js';
import { RuleId } from '../diagnostics/rule-ids.js';
import { type PageEdit, applyPageEdit } from './anchor-aliases.js';
import { type BuiltPage, type BuiltSite, findElement, pageFile, readBuiltPage, readBuiltSite } from './built-site.js';
import { REDIRECT_SCRIPT, REDIRECT_SCRIPT_SOURCE, type RedirectPage, renderRedirectPage } from './redirect-page.js';
import { type UrlAlias, loadUrlAliases } from './url-aliases.js';
import { BuildProblems } from './build-failure.js';

/** What the aliases do to the built site, by output file. */
export interface RedirectPlan {
  /** Redirect pages to write. */
  redirects: Map<string, RedirectPage>;
  /** Live pages to change. */
  edits: Map<string, PageEdit>;
  /** Old URLs of planned chapters, sent to the home page for now: old URL → chapter id. */
  pending: Map<string, string>;
}

/**
 * Apply the book's aliases to the site in `outDir` and return the site as it now is. Without an
 * aliases file, nothing is written. Throws (after logging every problem) on a bad alias.
 */
export function writeRedirects(paths: BookPaths, outDir: string, logger: AstroIntegrationLogger): BuiltSite {
  const site = readBuiltSite(outDir);
  const loaded = loadUrlAliases(paths);
  if (!loaded.exists) return site;
  const model = buildBookModel(paths);
  const plan = planRedirects(loaded.aliases, model, site, loaded.file);
  const summary = summarizeDiagnostics([loaded.file]);
  for (const line of summary.errors) logger.error(line);
  if (summary.errors.length > 0) {
    throw new BuildProblems(`${loaded.file.path} has ${summary.errors.length} error(s), listed above: fix the aliases and build again.`);
  }
  if (plan.redirects.size > 0 || plan.edits.size > 0) writeFileSync(path.join(outDir, REDIRECT_SCRIPT), REDIRECT_SCRIPT_SOURCE);
  for (const [file, redirect] of plan.redirects) writePage(site, outDir, file, renderRedirectPage(redirect, model.language));
  for (const [file, edit] of plan.edits) {
    const page = site.pages.get(file);
    if (page) writePage(site, outDir, file, applyPageEdit(page, edit, relativeUrl(page.url, REDIRECT_SCRIPT)));
  }
  const renamed = [...plan.edits.values()].reduce((count, edit) => count + edit.renamed.size + Object.keys(edit.moved).length, 0);
  logger.info(`Redirects: ${plan.redirects.size} old URL(s) redirected, ${renamed} old anchor(s) kept`);
  if (plan.pending.size > 0) {
    const verb = plan.pending.size === 1 ? 'leads to the home page until its chapter is' : 'lead to the home page until their chapters are';
    logger.info(`Redirects: ${[...plan.pending.keys()].join(', ')} ${verb} published`);
  }
  return site;
}

/** Work out the redirect pages and page edits; every problem is a positioned error on `file`. */
export function planRedirects(aliases: readonly UrlAlias[], model: BookModel, site: BuiltSite, file: VFile): RedirectPlan {
  const plan: RedirectPlan = { redirects: new Map(), edits: new Map(), pending: new Map() };
  const fail = (alias: UrlAlias, reason: string) => {
    file.message(reason, { place: alias.place, ruleId: RuleId.redirectValid, source: 'redirects' }).fatal = true;
  };
  const targets = new Map<UrlAlias, Target>();
  for (const alias of aliases) {
    const target = resolveTarget(alias, model, site, fail);
    if (target) targets.set(alias, target);
  }

  // Anchor aliases on a page that still exists: the old id now stands for an element of this page,
  // or for a place on another page.
  const sourcesOfPageAliases = new Set(aliases.filter((alias) => !alias.fromAnchor).map((alias) => alias.fromPage));
  for (const [alias, target] of targets) {
    if (!alias.fromAnchor) continue;
    const source = site.pages.get(pageFile(alias.fromPage));
    if (!source) {
      if (!sourcesOfPageAliases.has(alias.fromPage)) {
        fail(alias, `\`${alias.fromPage}\` is not a page of the book${didYouMean(alias.fromPage, pageUrls(site))}, nor the old URL of a moved page: add \`${alias.fromPage} -> new-page/\` too, or correct the page`);
      }
      continue;
    }
    if (source.ids.has(alias.fromAnchor)) {
      fail(alias, `\`${alias.fromPage}#${alias.fromAnchor}\` still exists: an alias is for an anchor that is gone; remove this line`);
      continue;
    }
    const edit = editOf(plan, source.file);
    if (target.page.file === source.file) {
      if (target.anchor) edit.renamed.set(alias.fromAnchor, target.anchor);
    } else {
      edit.moved[alias.fromAnchor] = relativeUrl(source.url, target.page.url, target.anchor);
    }
  }

  // Pages that moved: a redirect page at the old URL.
  for (const [alias, target] of targets) {
    if (alias.fromAnchor) continue;
    const file = pageFile(alias.fromPage);
    if (site.files.has(file)) {
      fail(alias, `\`${alias.fromPage}\` is a page of the built site: an alias is for a URL that no longer exists; remove this line`);
      continue;
    }
    const renamedHere = [...(plan.edits.get(target.page.file)?.renamed.keys() ?? [])];
    const moved: Record<string, string> = {};
    for (const [other, otherTarget] of targets) {
      if (other.fromPage === alias.fromPage && other.fromAnchor) moved[other.fromAnchor] = relativeUrl(alias.fromPage, otherTarget.page.url, otherTarget.anchor);
    }
    if (target.pendingChapter) plan.pending.set(alias.fromPage, target.pendingChapter.id);
    plan.redirects.set(file, {
      target: relativeUrl(alias.fromPage, target.page.url, target.anchor),
      canonical: relativeUrl(alias.fromPage, target.page.url),
      title: target.pendingChapter?.title ?? pageTitle(target.page),
      anchors: target.anchor ? [] : [...target.page.anchors, ...renamedHere],
      moved,
      script: relativeUrl(alias.fromPage, REDIRECT_SCRIPT),
      pending: target.pendingChapter !== undefined,
    });
  }
  return plan;
}

interface Target {
  page: BuiltPage;
  anchor?: string;
  /** The alias names a planned chapter: the home page stands in for it. */
  pendingChapter?: { id: string; title: string };
}

function resolveTarget(alias: UrlAlias, model: BookModel, site: BuiltSite, fail: (alias: UrlAlias, reason: string) => void): Target | undefined {
  let url: string;
  let pendingChapter: Target['pendingChapter'];
  if (alias.to.chapter !== undefined) {
    const id = alias.to.chapter;
    const chapter = model.parts.flatMap((part) => part.chapters).find((candidate) => candidate.id === id);
    if (!chapter) {
      const ids = model.parts.flatMap((part) => part.chapters.map((candidate) => candidate.id));
      fail(alias, `Unknown chapter \`${id}\` in \`${alias.text}\`${didYouMean(id, ids)}: name a chapter of content/book.yaml`);
      return undefined;
    }
    if (chapter.planned || !chapter.slug) pendingChapter = { id, title: chapter.title };
    url = pendingChapter ? './' : `${chapter.slug}/`;
  } else {
    url = alias.to.page;
  }
  const page = site.pages.get(pageFile(url));
  if (!page || page.redirectTo !== undefined) {
    fail(alias, `\`${url}\` is not a page of the built site${didYouMean(url, pageUrls(site))}: point the alias at a published page`);
    return undefined;
  }
  // The home page stands in for a planned chapter, without the chapter's anchors.
  if (pendingChapter) return { page, pendingChapter };
  if (alias.toAnchor && !page.ids.has(alias.toAnchor)) {
    const near = nearest(alias.toAnchor, page.anchors).map((id) => `\`${id}\``).join(', ');
    fail(alias, `\`${url}\` has no anchor \`#${alias.toAnchor}\`${near ? ` (nearest: ${near})` : ''}: point the alias at an existing heading, figure or equation id`);
    return undefined;
  }
  return { page, anchor: alias.toAnchor };
}

/**
 * The URL of `to` (relative to the base) as seen from page `from` (relative to the base): redirect
 * pages link relatively, so they work under any base, and the manifest reads them without knowing it.
 */
export function relativeUrl(from: string, to: string, anchor?: string): string {
  const depth = from === './' ? 0 : from.split('/').length - 1;
  const url = '../'.repeat(depth) + (to === './' ? '' : to);
  return `${url || './'}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

function editOf(plan: RedirectPlan, file: string): PageEdit {
  let edit = plan.edits.get(file);
  if (!edit) plan.edits.set(file, (edit = { renamed: new Map(), moved: {} }));
  return edit;
}

function writePage(site: BuiltSite, outDir: string, file: string, html: string): void {
  const absolute = path.join(outDir, file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  writeFileSync(absolute, html);
  site.files.add(file);
  site.pages.set(file, readBuiltPage(file, html));
}

function pageUrls(site: BuiltSite): string[] {
  return [...site.pages.values()].filter((page) => page.redirectTo === undefined).map((page) => page.url);
}

/** The page's main heading, else its `<title>`. */
function pageTitle(page: BuiltPage): string {
  const heading = findElement(page.tree, (element) => element.tagName === 'h1');
  const title = heading ?? findElement(page.tree, (element) => element.tagName === 'title');
  return title ? toString(title).trim() : page.url;
}
