/**
 * Turn a site built at base `/` into a book that opens from a folder (file://) by double-click:
 * relative links to `…/index.html` (relative-urls.ts), classic scripts instead of module scripts
 * (classic-scripts.ts), its own search index and cross-page previews as classic scripts
 * (search-index.ts, preview-data.ts), a policy that allows the folder's own files (export-policy.ts),
 * and no Pagefind. The pages are marked `data-export`, which the page scripts read to pick the
 * export's search engine and previews.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../integrations/built-site.js';
import { styleHashes, withPolicyMeta } from '../security/content-security-policy.js';
import { OFFLINE_INDEX_FILE } from '../scripts/offline-search-index.js';
import { bundleClassicScripts, classicScriptTags, moduleScriptSources } from './classic-scripts.js';
import { exportContentSecurityPolicy } from './export-policy.js';
import { previewSnippets, previewsScript, previewTargets, PREVIEWS_FILE } from './preview-data.js';
import { rewriteCssUrls, rewritePageUrls } from './relative-urls.js';
import { searchDocuments, searchIndexScript } from './search-index.js';

/** What the website has that a folder cannot use: Pagefind's index and the host's header file. */
const WEBSITE_ONLY = ['pagefind', '_headers'];
const POLICY_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/i;
/** A web app manifest installs a website; a folder cannot be installed, and file:// may not fetch it. */
const MANIFEST_LINK = /<link\b[^>]*\brel=["']?manifest["']?[^>]*>/gi;

export interface ExportSummary {
  pages: number;
  /** Sections in the search index. */
  sections: number;
  /** Bytes of `search-index.js`. */
  indexBytes: number;
  /** Pages whose previewed targets `previews.js` carries. */
  previewPages: number;
  /** Bytes of each re-bundled script. */
  scripts: Map<string, number>;
}

/** Copy the site in `siteDir` (built at base `/`) into `outDir` (new or emptied) as a folder edition. */
export async function exportBook(siteDir: string, outDir: string): Promise<ExportSummary> {
  if (!existsSync(path.join(siteDir, 'index.html'))) throw new Error(`${siteDir} holds no built site (no index.html)`);
  rmSync(outDir, { recursive: true, force: true });
  cpSync(siteDir, outDir, { recursive: true });
  for (const name of WEBSITE_ONLY) rmSync(path.join(outDir, name), { recursive: true, force: true });

  const files = listFiles(outDir);
  const pages = new Map(files.filter((file) => file.endsWith('.html')).map((file) => [file, readFileSync(path.join(outDir, file), 'utf8')]));
  if (readFileSync(path.join(outDir, 'index.html'), 'utf8').includes('data-base="/') === false) {
    throw new Error('The site to export must be built at base `/` (the export makes its links relative itself)');
  }

  // From the pages as built (root-absolute URLs): the search index and the previewed targets.
  const documents = searchDocuments([...pages].map(([file, html]) => ({ file, html })));
  const index = searchIndexScript(documents);
  writeFileSync(path.join(outDir, OFFLINE_INDEX_FILE), index);
  const snippets = previewSnippets(pages, previewTargets(pages));
  writeFileSync(path.join(outDir, PREVIEWS_FILE), previewsScript(snippets));

  const scripts = await bundleClassicScripts(outDir, [...pages.values()].flatMap(moduleScriptSources));

  const rewritten = new Map([...pages].map(([file, html]) => [file, markExport(rewritePageUrls(file, classicScriptTags(html.replace(POLICY_META, '').replace(MANIFEST_LINK, ''))))]));
  const policy = exportContentSecurityPolicy([...rewritten.values()].flatMap(styleHashes));
  for (const [file, html] of rewritten) writeFileSync(path.join(outDir, file), withPolicyMeta(html, policy));
  for (const file of files.filter((name) => name.endsWith('.css'))) {
    writeFileSync(path.join(outDir, file), rewriteCssUrls(file, readFileSync(path.join(outDir, file), 'utf8')));
  }
  return { pages: pages.size, sections: documents.length, indexBytes: Buffer.byteLength(index), previewPages: Object.keys(snippets).length, scripts };
}

/** Mark the page as exported (`<html data-export>`): its scripts pick the export's search and previews. */
function markExport(html: string): string {
  return html.replace(/<html\b/i, '<html data-export');
}
