/**
 * Mistakes in `{self-check}` questions fail a real build, every one reported together with
 * file:line:col, what is wrong, a suggestion and its rule id (fixture: tests/fixtures/self-check-errors).
 */
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';

describe('self-check mistakes fail the build', () => {
  it('should report each mistake of each question at its line, in .mdx and .md chapters', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('self-check-errors') });
    expect(code).not.toBe(0);
    const mdx = 'content/p/s-1-questions.mdx';
    // A misspelt option, with the option it resembles, and so no label.
    expect(output).toMatch(new RegExp(`${mdx}:11:1\\s+error\\s+\`\\{self-check\\}\` has no option \`:lable:\` \\(did you mean \`:label:\`\\?\\).*\\[self-check-valid\\]`));
    expect(output).toMatch(new RegExp(`${mdx}:10:1\\s+error\\s+\`\\{self-check\\}\` needs a \`:label:\`.*\\[self-check-valid\\]`));
    expect(output).toMatch(new RegExp(`${mdx}:12:1\\s+error\\s+\`\\{self-check\\}\` has no correct option: mark at least one with \`\\[x\\]\``));
    // A numeric answer that is not a number, and no explanation.
    expect(output).toMatch(new RegExp(`${mdx}:20:1\\s+error\\s+\`\\{self-check\\}\` has \`:answer: lots\`, which is not a number; write a plain decimal such as \`0.052\``));
    expect(output).toMatch(new RegExp(`${mdx}:22:1\\s+error\\s+\`\\{self-check\\}\` has no explanation`));
    // The same label in two chapters, reported at the second with the first's place.
    expect(output).toMatch(/content\/p\/s-2-more\.md:10:1\s+error\s+Duplicate label `sc-shared`: it is already defined at content\/p\/s-1-questions\.mdx:24.*\[label-unique\]/);
    // A misspelt directive name.
    expect(output).toMatch(/content\/p\/s-2-more\.md:17:1\s+error\s+Unknown directive `\{self-chek\}` \(did you mean `\{self-check\}`\?\).*\[directive-known\]/);
    expect(output).toMatch(/7 content error\(s\)/);
  });
});
