/**
 * Citation and bibliography errors fail a real build with a message an author can act on, at the
 * chapter's or the .bib's line. One fixture book per error case under tests/fixtures.
 */
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';

describe('citation errors fail the build', () => {
  it('should name an unknown key at its position with the nearest key, and warn about an incomplete entry', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('cite-unknown-key') });
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/p\/x-1-chapter\.mdx:10:8\s+error\s+Unknown citation key `dai2024bais`, expected a key from bib\/references\.bib \(did you mean `dai2024bias`\?\)\s+\[citation-key-exists\]/);
    expect(output).toMatch(/bib\/references\.bib:7:1\s+warning\s+Entry `notitle2020` has no title: its reference will be incomplete/);
    // The check validates keys without formatting them: its known citations are not "unresolved".
    expect(output).not.toMatch(/Unresolved citation/);
  });

  it('should point at the malformed BibTeX entry by line', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('bib-malformed') });
    expect(code).not.toBe(0);
    expect(output).toMatch(/bib\/references\.bib:8:1\s+error\s+The `@article` entry that starts here is not closed: a `\}` is missing/);
  });

  it('should give both lines of a duplicate key', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('bib-duplicate') });
    expect(code).not.toBe(0);
    expect(output).toMatch(/bib\/references\.bib:8:1\s+error\s+Duplicate citation key `dai2024bias` at lines 1 and 8/);
  });

  it('should reject an empty citation', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('cite-empty') });
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/p\/x-1-chapter\.mdx:10:8\s+error\s+Empty citation `\{cite:p\}```.*\[citation-not-empty\]/);
  });
});
