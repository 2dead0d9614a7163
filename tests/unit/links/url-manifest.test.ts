/**
 * The URL manifest: what a built site's manifest holds, and which kept URLs a new build loses —
 * unless an alias or a redirect that passes the fragment on keeps them.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { type BuiltSite, readBuiltPage } from '../../../src/integrations/built-site.js';
import { type UrlManifest, compareManifests, manifestOfSite, parseManifest, serializeManifest } from '../../../src/integrations/url-manifest.js';
import { parseUrlAliases } from '../../../src/integrations/url-aliases.js';
import { chapterPage } from './write-site.js';

const aliases = (...lines: string[]) => parseUrlAliases(lines.map((line) => `- ${line}`).join('\n'), new VFile()).aliases;

describe('manifestOfSite', () => {
  it('should list pages with their sorted public anchors, and redirects with their targets, but not the 404 page', () => {
    const site: BuiltSite = { pages: new Map(), files: new Set(), stylesheets: new Map() };
    const pages: Record<string, string> = {
      'index.html': '<html><body><main><h2 id="home-part-1">Part</h2></main></body></html>',
      '404.html': chapterPage('<h2 id="x">x</h2>'),
      'b/index.html': chapterPage('<h2 id="zeta">Z</h2><figure id="fig-a"></figure><a id="cite-k-1"></a>'),
      'content/old.html': '<html><head><meta http-equiv="refresh" content="0; url=../b/"></head></html>',
      'content/planned.html': '<html><head><meta http-equiv="refresh" content="0; url=../"></head></html>',
    };
    for (const [file, html] of Object.entries(pages)) site.pages.set(file, readBuiltPage(file, html));
    const manifest = manifestOfSite(site);
    expect(manifest).toEqual({ pages: { './': [], 'b/': ['fig-a', 'zeta'] }, redirects: { 'content/old.html': 'b/', 'content/planned.html': './' } });
    expect(parseManifest(serializeManifest(manifest))).toEqual(manifest);
    expect(serializeManifest(manifest)).toContain('  "pages": {\n    "./": [],\n    "b/": [\n      "fig-a",\n');
  });
});

describe('compareManifests', () => {
  const kept: UrlManifest = {
    pages: { './': [], 'a/': ['intro', 'old-heading', 'eq-1'], 'b/': ['x'] },
    redirects: { 'content/a.html': 'a/' },
  };

  it('should find nothing missing in the same site, and list what is new', () => {
    const built: UrlManifest = { pages: { ...kept.pages, 'a/': ['intro', 'old-heading', 'eq-1', 'new'], 'c/': ['y'] }, redirects: kept.redirects };
    expect(compareManifests(kept, built)).toEqual({ missing: [], added: ['a/#new', 'c/'], retargeted: [] });
  });

  it('should list pages, anchors and redirects that are gone', () => {
    const built: UrlManifest = { pages: { './': [], 'a/': ['intro'] }, redirects: {} };
    expect(compareManifests(kept, built).missing).toEqual(['a/#old-heading', 'a/#eq-1', 'b/', 'b/#x', 'content/a.html']);
  });

  it('should accept what an alias covers', () => {
    const built: UrlManifest = { pages: { './': [], 'a/': ['intro', 'eq-1', 'new-heading'] }, redirects: { 'content/a.html': 'a/', 'b/': 'c/' } };
    const covered = aliases('a/#old-heading -> a/#new-heading', 'b/ -> c/', 'b/#x -> a/#intro');
    expect(compareManifests(kept, built, covered).missing).toEqual([]);
    expect(compareManifests(kept, built).missing).toEqual(['a/#old-heading', 'b/#x']);
  });

  it('should keep the anchors of a moved page that its new page still has', () => {
    const built: UrlManifest = { pages: { './': [], 'a/': ['intro', 'old-heading', 'eq-1'], 'c/': ['x'] }, redirects: { 'content/a.html': 'a/', 'b/': 'c/' } };
    expect(compareManifests(kept, built).missing).toEqual([]);
    // A redirect to an anchor does not pass the old fragment on.
    expect(compareManifests(kept, { ...built, redirects: { ...built.redirects, 'b/': 'c/#x' } }).missing).toEqual(['b/#x']);
  });

  it('should note redirects that now lead elsewhere', () => {
    const built: UrlManifest = { pages: kept.pages, redirects: { 'content/a.html': 'b/' } };
    expect(compareManifests(kept, built).retargeted).toEqual(['content/a.html → b/ (was a/)']);
  });
});

describe('parseManifest', () => {
  it('should say what to do with a file that is not a manifest', () => {
    expect(() => parseManifest('{"pages": []}')).toThrow('not a URL manifest (expected { "pages": {…}, "redirects": {…} }): run `npm run urls:accept` to rewrite it');
  });
});
