/**
 * Reading the built site back scans tags instead of parsing whole pages (src/integrations/scan-html-tags.ts).
 * Here every page of the real builds (the book, under a sub-path, the sample, notebook and MyST books) is
 * read both ways, the scan and a full parse (hast-util-from-html, as the reader did before), and what
 * the redirects, the URL manifest and the link checker use must be the same: ids, public anchors,
 * references, redirect targets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, inject, it } from 'vitest';
import { isPublicAnchor, listFiles, readBuiltPage } from '../../src/integrations/built-site.js';

interface Reading {
  ids: string[];
  anchors: string[];
  references: string[];
  redirectTo?: string;
}

/** The same facts, from a full parse of the page. */
function parsedReading(html: string): Reading {
  const reading: Reading = { ids: [], anchors: [], references: [] };
  const walk = (nodes: RootContent[], where: { inBody: boolean; inMain: boolean; inSvg: boolean }) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
      const inside = { inBody: where.inBody || classes.includes('chapter-body'), inMain: where.inMain || node.tagName === 'main', inSvg: where.inSvg || node.tagName === 'svg' };
      const id = node.properties.id;
      if (typeof id === 'string' && id !== '') {
        reading.ids.push(id);
        if (isPublicAnchor(id, { inBody: where.inBody, inMain: where.inMain, inSvg: inside.inSvg })) reading.anchors.push(id);
      }
      if (node.tagName === 'a' && typeof node.properties.name === 'string') reading.ids.push(node.properties.name);
      if (node.tagName === 'script' && typeof node.properties.dataMoved === 'string') {
        for (const moved of Object.keys(JSON.parse(node.properties.dataMoved) as object)) {
          reading.ids.push(moved);
          reading.anchors.push(moved);
        }
      }
      references(node, reading);
      walk(node.children, inside);
      if (node.tagName === 'template' && node.content) walk(node.content.children, inside);
    }
  };
  walk((fromHtml(html) as Root).children, { inBody: false, inMain: false, inSvg: false });
  return reading;
}

function references(node: Element, reading: Reading): void {
  for (const [property, attribute] of [['href', 'href'], ['src', 'src'], ['xLinkHref', 'xlink:href'], ['poster', 'poster']] as const) {
    const value = node.properties[property];
    if (typeof value === 'string') reading.references.push(`${node.tagName.toLowerCase()}[${attribute}] ${value}`);
  }
  const srcset = node.properties.srcSet;
  for (const candidate of Array.isArray(srcset) ? srcset.map(String) : []) {
    const url = candidate.trim().split(/\s+/)[0];
    if (url) reading.references.push(`${node.tagName.toLowerCase()}[srcset] ${url}`);
  }
  const equiv = node.properties.httpEquiv;
  const refresh = (Array.isArray(equiv) ? equiv.join(' ') : String(equiv ?? '')).toLowerCase() === 'refresh';
  if (node.tagName === 'meta' && refresh && typeof node.properties.content === 'string') {
    const target = /url\s*=\s*['"]?([^'"]+)/i.exec(node.properties.content)?.[1]?.trim();
    if (target) {
      reading.redirectTo ??= target;
      reading.references.push(`meta[http-equiv=refresh] ${target}`);
    }
  }
}

function scannedReading(file: string, html: string): Reading {
  const page = readBuiltPage(file, html);
  return {
    ids: [...page.ids],
    anchors: page.anchors,
    // hast names SVG elements in camel case; the reader keeps them as written: compare without case.
    references: page.references.map((reference) => `${reference.where.replace(/^[^[]+/, (name) => name.toLowerCase())} ${reference.url}`),
    ...(page.redirectTo === undefined ? {} : { redirectTo: page.redirectTo }),
  };
}

describe('reading the built site by scanning its tags', () => {
  for (const site of ['bookDir', 'subPathDir', 'sampleDir', 'notebookDir', 'mystDir'] as const) {
    it(`should read every page of ${site} as a full parse does`, () => {
      const dir = inject(site);
      const pages = listFiles(dir).filter((file) => file.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(5);
      let anchors = 0;
      for (const file of pages) {
        const html = readFileSync(path.join(dir, file), 'utf8');
        const parsed = parsedReading(html);
        // A Set keeps each id once, in first-seen order.
        parsed.ids = [...new Set(parsed.ids)];
        expect(scannedReading(file, html), file).toEqual(parsed);
        anchors += parsed.anchors.length;
      }
      // The comparison covers pages with public anchors, not only chrome.
      expect(anchors).toBeGreaterThan(0);
    });
  }

  it('should still give the parsed tree when asked (a redirect page’s title)', () => {
    const page = readBuiltPage('a/index.html', '<!doctype html><html><head><title>T</title></head><body><main><h1 id="x">Title &amp; more</h1></main></body></html>');
    const heading = page.tree.children.length > 0 ? JSON.stringify(page.tree).includes('Title & more') : false;
    expect(heading).toBe(true);
    expect(page.tree).toBe(page.tree);
  });
});
