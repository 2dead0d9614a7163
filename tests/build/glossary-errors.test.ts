/**
 * Glossary errors fail a real build, reported together with the book's other content errors: an
 * unknown `{term}` at its file:line:col with the nearest term, and a duplicate glossary term at its
 * line in content/glossary.yaml.
 */
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';

describe('glossary errors fail the build', () => {
  it('should name an unknown term at its position with a suggestion, and a duplicate term at its line', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('glossary-errors') });
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /content\/p\/g-1-chapter\.mdx:10:3\s+error\s+Unknown glossary term `diferential privacy`, expected a term or alias of content\/glossary\.yaml \(did you mean `Differential privacy`\?\); add it there, or fix the spelling\s+\[glossary-term-exists\]/,
    );
    expect(output).toMatch(/content\/glossary\.yaml:6:9\s+error\s+Duplicate glossary term `proxy`: it already names `Proxy` \(line 4\); terms and aliases must be unique\s+\[glossary-valid\]/);
    // Known terms, aliases and plurals are not reported.
    expect(output).not.toMatch(/Unknown glossary term `(differential privacy|DP|proxies)`/);
    expect(output).toMatch(/2 content error\(s\)/);
  });
});
