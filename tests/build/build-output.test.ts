/**
 * What an author reads at the end of a build: a failed content check ends with one summary line and
 * exit code 1, not with Astro's "unhandled error" and a stack trace of the platform; a clean build
 * prints no bundler warning the author cannot act on, and leaves nothing in the system's temporary
 * folder. Real `astro build`s of fixture books.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('the build output', () => {
  it('should end a failed build with one summary line under the listed problems, without a stack trace', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('bad-latex') });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines.at(-1)).toMatch(/\[ERROR\] \[book\] Build failed: 2 content error\(s\), listed above with file:line:col$/);
    // The problems come first, each with its place.
    expect(output).toMatch(/content\/p\/b-1-mdx\.mdx:10:46\s+error\s+LaTeX error[\s\S]*Build failed/);
    expect(output).not.toMatch(/unhandled error/i);
    expect(output).not.toMatch(/Stack trace|^\s+at .*\(.*:\d+:\d+\)$/m);
  });

  it('should print no MODULE_LEVEL_DIRECTIVE warning for the .mdx chapters of a clean build, nor one about notebooks the book does not have, ship nothing of the dev server, and leave no temporary folder', async () => {
    // The build's own temporary folder, to see what it leaves there.
    const temporary = makeTempDir('build-tmpdir-');
    const { code, output, outDir } = await astroBuild({ bookRoot: fixture('sample-book'), env: { TMPDIR: temporary } });
    expect(code, output).toBe(0);
    // workbox-build writes the unbundled service worker into a folder of its own there (tempy): removed.
    const leftovers = readdirSync(temporary, { recursive: true, encoding: 'utf8' }).filter((name) => path.basename(name) === 'sw.js');
    expect(leftovers).toEqual([]);
    expect(output).not.toMatch(/MODULE_LEVEL_DIRECTIVE|module level directive/);
    // A book without notebooks: no "No files found" from a loader looking for them.
    expect(output).not.toMatch(/No files found/);
    expect(output).toMatch(/Content check: 0 error\(s\)/);
    // The planned chapter's notice, once per build.
    expect(output.match(/Chapter `s-3-later` is planned/g)).toHaveLength(1);
    // The dev server's problem panel and its anchors are not part of a build.
    const shipped = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(html|js)$/.test(name));
    expect(shipped.length).toBeGreaterThan(3);
    for (const name of shipped) expect(readFileSync(path.join(outDir, name), 'utf8'), name).not.toMatch(/__book\/problems|book-problem/);
  });
});
