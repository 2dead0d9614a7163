/**
 * Broken cross-references fail a real build, every one reported together with file:line:col, what is
 * wrong and the nearest existing targets.
 */
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';

describe('cross-reference errors fail the build', () => {
  it('should report unknown targets, a duplicate label, an unknown role and an unknown directive together', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('xref-errors') });
    expect(code).not.toBe(0);
    const file = 'content/p/r-2-second.mdx';
    expect(output).toContain(`${file}:9:1  error  Duplicate label \`shared-label\`: it is already defined at content/p/r-1-first.mdx:9; labels must be unique in the book  [label-unique]`);
    expect(output).toContain(`${file}:11:5  error  Unknown chapter \`r-1-frist\` in \`{doc}\`; nearest chapter ids: \`r-1-first\`, \`r-2-second\`  [xref-target-exists]`);
    expect(output).toContain(`${file}:11:23  error  Unknown \`{ref}\` target \`shared-labl\`; nearest section/figure/equation labels: \`shared-label\`  [xref-target-exists]`);
    expect(output).toContain(`${file}:11:46  error  Unknown \`{eq}\` target \`eq-nowhere\`; nearest equation labels: (none in the book)  [xref-target-exists]`);
    expect(output).toMatch(new RegExp(`${file}:13:29  error  Unknown role \`\\{cite:x\\}\`, expected one of .*\\[role-known\\]`));
    expect(output).toMatch(new RegExp(`${file}:15:1  error  Unknown directive \`\\{notte\\}\` \\(did you mean \`\\{note\\}\`\\?\\); known directives: .*\\[directive-known\\]`));
    expect(output).toMatch(/6 content error\(s\)/);
  });
});
