/**
 * `sitemap.xml` and `robots.txt` for search engines: the home page, every chapter and the book's
 * reference pages (syllabus, bibliography, glossary, resources), at their absolute URLs. Redirect pages, the
 * search page and the 404 page are not content and stay out. Absolute URLs need the book's `siteUrl`;
 * without it no sitemap is written, and the build says so once, with what else it affects (canonical
 * URLs, copied links, the URL in citations): one warning, not one per feature.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { BookConfig } from '../book/book-config.js';
import type { BookModel } from '../book/book-model.js';
import { chapterHref } from '../book/navigation.js';

/** The site's pages a reader may land on from a search engine, below the base: `./`, `fairness/`, … */
export function sitemapPaths(model: BookModel): string[] {
  return ['', ...model.chapters.map((chapter) => chapterHref('', chapter)), 'syllabus/', 'bibliography/', 'glossary/', 'resources/'];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function writeSitemap(outDir: string, config: BookConfig, model: BookModel, logger: AstroIntegrationLogger): void {
  if (!config.siteUrl) {
    writeFileSync(path.join(outDir, 'robots.txt'), 'User-agent: *\nAllow: /\n');
    logger.warn(
      `No \`siteUrl\` in ${config.file.path}: no sitemap.xml is written and pages carry no canonical URL; copied links use the address the page is served from, and citations of the book have no URL. Add e.g. \`siteUrl: https://example.org${config.base}\`.`,
    );
    return;
  }
  // The site URL's own path is the base path; pages are below it.
  const root = new URL(config.base, config.siteUrl);
  const urls = sitemapPaths(model).map((page) => new URL(page, root).href);
  const sitemap = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`),
    '</urlset>',
    '',
  ].join('\n');
  writeFileSync(path.join(outDir, 'sitemap.xml'), sitemap);
  writeFileSync(path.join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${new URL('sitemap.xml', root).href}\n`);
}
