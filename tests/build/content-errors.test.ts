/**
 * Content errors fail a real build, all of them reported together, each with file:line:col and rule.
 * Each test builds a fixture book under tests/fixtures with `astro build`.
 */
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';

describe('content errors fail the build with their positions', () => {
  it('should fail on bad LaTeX in .mdx and .md and report both formulas', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('bad-latex') });
    expect(code).not.toBe(0);
    // Both errors are listed, not only the first: the .mdx one at the offending command (column 46,
    // `\badcommand` inside `$\frac{1}{…}$`, which opens at column 36)…
    expect(output).toMatch(/content\/p\/b-1-mdx\.mdx:10:46\s+error\s+LaTeX error in inline math: Undefined control sequence: \\badcommand/);
    // …and the .md one with its line counted from the top of the file, frontmatter included: KaTeX
    // stops at the end of `\left( x` (line 13, after the `$$` of line 12), where `\right` is missing.
    expect(output).toMatch(/content\/p\/b-2-md\.md:13:9\s+error\s+LaTeX error in display math: Expected '\\right', got 'EOF'.*\[math-parses\]/);
    expect(output).toMatch(/2 content error\(s\)/);
  });

  it('should fail on a chapter missing from the structure and on a listed chapter without a file, naming both', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('missing-chapter') });
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/book\.yaml:7:9\s+error\s+Chapter `c-2-missing` is listed in content\/book\.yaml but no chapter file under content\/ has `id: c-2-missing`.*\[structure-matches-files\]/);
    expect(output).toMatch(/content\/p\/c-3-orphan\.mdx:1:1\s+error\s+Chapter `c-3-orphan` \(content\/p\/c-3-orphan\.mdx\) is not listed in content\/book\.yaml; add `- c-3-orphan`/);
  });

  it('should fail on a broken MDX expression with its file and line', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('broken-mdx') });
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/p\/m-1-broken\.mdx:10:\d+\s+error\s+MDX syntax error: .*\[syntax-parses\]/);
  });

  it('should fail on MDX expressions that throw when their pages render, each at its place, after every page, without a stack trace', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('expression-throws') });
    expect(code).toBe(1);
    // A text expression: at its `{` (line 10, column 15); an attribute's: at the expression in the braces.
    expect(output).toMatch(/content\/p\/t-1-first\.mdx:10:15\s+error\s+This expression threw when the page was rendered: TypeError: Cannot read properties of undefined \(reading 'toFixed'\).*\[chapter-renders\]/);
    // Every expression of a chapter that throws, not only the first.
    expect(output).toMatch(/content\/p\/t-1-first\.mdx:12:37\s+error\s+This expression threw when the page was rendered: TypeError: Cannot convert undefined or null to object.*\[chapter-renders\]/);
    expect(output).toMatch(/content\/p\/t-2-second\.mdx:12:29\s+error\s+This expression threw when the page was rendered: TypeError: Cannot read properties of undefined \(reading 'join'\).*\[chapter-renders\]/);
    // The chapter whose expressions work is not reported.
    expect(output).not.toMatch(/t-3-fine\.mdx:\d+/);
    expect(output.trimEnd().split('\n').at(-1)).toMatch(/Build failed: 3 chapter problem\(s\) found while rendering the pages, listed above with file:line:col$/);
    // Reported as the book's problems, not as a crash: no stack of compiled chunks.
    expect(output).not.toMatch(/^\s+at .*\.mjs:\d+:\d+/m);
  });
});
