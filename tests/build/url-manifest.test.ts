/**
 * The URL manifest in real builds of a small fixture book (tests/fixtures/url-manifest, with its own
 * content/urls.json and content/redirects.yaml): a build that keeps every URL passes, at `/` and under
 * a sub-path; removing a heading fails the build listing the lost anchor and the way out; `npm run
 * urls:accept` then rewrites the manifest; an alias keeps a renamed heading and a moved page working.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture, projectRoot } from '../support/astro-build.js';
import { makeTempDir } from '../support/temp-dir.js';

/** A copy of the fixture book that a test may edit. */
function copyOfFixture(): string {
  const root = makeTempDir('url-manifest-book-');
  cpSync(fixture('url-manifest'), root, { recursive: true });
  return root;
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

describe('the URL manifest check', () => {
  it('should pass a build that keeps every URL, at / and under a sub-path, and write the old URLs’ redirects', async () => {
    const atRoot = await astroBuild({ bookRoot: fixture('url-manifest') });
    expect(atRoot.code, atRoot.output).toBe(0);
    expect(atRoot.output).toMatch(/URL manifest: every kept URL is still there/);
    const redirect = readFileSync(path.join(atRoot.outDir, 'content/u-1-first.html'), 'utf8');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=../first/">');
    expect(readFileSync(path.join(atRoot.outDir, 'content/u-3-later.html'), 'utf8')).toContain('“A Later Chapter” is being revised');

    // The output's layout does not depend on the base: the same manifest holds.
    const subPath = await astroBuild({ bookRoot: fixture('url-manifest'), base: '/course/rai/' });
    expect(subPath.code, subPath.output).toBe(0);
    expect(subPath.output).toMatch(/URL manifest: every kept URL is still there/);
  });

  it('should fail when a kept anchor disappears, list it, and let `npm run urls:accept` accept the loss', async () => {
    const root = copyOfFixture();
    const chapter = path.join(root, 'content/p/u-1-first.mdx');
    edit(chapter, (text) => text.replace('## Going Heading\n', ''));

    // The build fails, naming the anchor (at its line in the manifest) and both ways out.
    const failed = await astroBuild({ bookRoot: root });
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(
      /content\/urls\.json:\d+:\d+\s+error\s+`first\/#going-heading` is gone from the built site and has no alias: if it moved, declare `first\/#going-heading -> first\/#new-id` in content\/redirects\.yaml; if it is meant to go, run `npm run urls:accept`\s+\[url-kept\]/,
    );
    expect(failed.output).toMatch(/1 published URL\(s\) or anchor\(s\) would break, listed above/);

    // `npm run urls:accept` rewrites the manifest from that build's pages.
    const accept = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/urls-accept.ts'], {
      cwd: projectRoot,
      env: { ...process.env, BOOK_ROOT: root, BOOK_OUT_DIR: failed.outDir },
      encoding: 'utf8',
    });
    expect(accept.status, accept.stderr).toBe(0);
    expect(accept.stdout).toContain('No longer kept (1):\n  first/#going-heading');
    const manifest = JSON.parse(readFileSync(path.join(root, 'content/urls.json'), 'utf8'));
    expect(manifest.pages['first/']).toEqual(['kept-heading']);
    expect(manifest.redirects).toEqual({ 'content/u-1-first.html': 'first/', 'content/u-3-later.html': './' });

    const rebuilt = await astroBuild({ bookRoot: root });
    expect(rebuilt.code, rebuilt.output).toBe(0);
  });

  it('should pass when aliases say where a renamed heading and a moved page went, and keep both working', async () => {
    const root = copyOfFixture();
    edit(path.join(root, 'content/p/u-1-first.mdx'), (text) => text.replace('## Going Heading', '## Renamed Heading').replace('/second/#', '/second-part/#'));
    edit(path.join(root, 'content/p/u-2-second.mdx'), (text) => text.replace('slug: second', 'slug: second-part'));
    appendFileSync(path.join(root, 'content/redirects.yaml'), '- first/#going-heading -> first/#renamed-heading\n- second/ -> second-part/\n');

    const build = await astroBuild({ bookRoot: root });
    expect(build.code, build.output).toBe(0);
    // The old id stands at the start of the renamed heading; the old page redirects, keeping its anchors.
    expect(readFileSync(path.join(build.outDir, 'first/index.html'), 'utf8')).toMatch(/<h2 id="renamed-heading"><span id="going-heading" data-anchor-alias><\/span>/);
    const moved = readFileSync(path.join(build.outDir, 'second/index.html'), 'utf8');
    expect(moved).toContain('data-target="../second-part/" data-anchors="second-heading"');
    expect(existsSync(path.join(build.outDir, 'redirect.js'))).toBe(true);
  });

  it('should fail on an alias whose target does not exist, at its line', async () => {
    const root = copyOfFixture();
    appendFileSync(path.join(root, 'content/redirects.yaml'), '- old/ -> secnd/\n');
    const build = await astroBuild({ bookRoot: root });
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/content\/redirects\.yaml:4:3\s+error\s+`secnd\/` is not a page of the built site \(did you mean `second\/`\?\): point the alias at a published page\s+\[redirect-valid\]/);
  });
});
