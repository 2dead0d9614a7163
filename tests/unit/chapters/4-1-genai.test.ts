/**
 * Fidelity of chapter 4-1-genai (content/4-special-topics/4-1-genai.mdx) to the author's manuscript
 * (tests/fixtures/jupyter-book/4-1-genai.md), word for word. The published chapter may differ from the
 * manuscript only by the listed editorial changes (the `# Title` moved to the frontmatter, the image
 * drawn as a figure with the same caption, the mojibake `â€™` fixed) and by one section appended at
 * the very end: "Check your understanding", opened by a sentence saying that the book's editors added
 * it, and holding only `{self-check}` questions. Any other change to the text fails.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manuscript = readFileSync(new URL('../../../tests/fixtures/jupyter-book/4-1-genai.md', import.meta.url), 'utf8');
const chapter = readFileSync(new URL('../../../content/4-special-topics/4-1-genai.mdx', import.meta.url), 'utf8');

/** How the editors' section starts: its heading, then the sentence that says who wrote it. */
const EDITORS_SECTION = '\n\n## Check your understanding\n\n';
const EDITORS_NOTE = "The book's editors added this section; it is not part of the author's chapter.";

/** `text` with its characters that mean something in a regular expression escaped. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The manuscript and the chapter around the first character where they differ. */
function firstDifference(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  return `the chapter differs from the manuscript at character ${at}: expected “${expected.slice(at, at + 60)}”, found “${actual.slice(at, at + 60)}”`;
}

/**
 * Why the published chapter is not the manuscript plus the allowed changes, or undefined when it is.
 * The whole manuscript is compared character by character, so a changed, added or removed word fails.
 */
function fidelityProblem(published: string, original: string): string | undefined {
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(published);
  if (!frontmatter) return 'the chapter has no frontmatter';
  const [titleLine, title] = /^# (.+)\n/.exec(original) ?? [];
  if (!titleLine || !new RegExp(`^title: ${literal(title as string)}$`, 'm').test(frontmatter[1] as string)) return 'the frontmatter title is not the manuscript’s `# Title`';

  let body = published.slice(frontmatter[0].length);
  let appended = '';
  const sectionAt = body.indexOf(EDITORS_SECTION);
  if (sectionAt !== -1) {
    appended = body.slice(sectionAt);
    body = body.slice(0, sectionAt);
  }

  // The manuscript's image is drawn as a figure whose caption is the image's alt text.
  const image = /^!\[([^\]]+)\]\([^)]+\)$/m.exec(original);
  const figure = /^```\{figure\}[^\n]*\n(?::[^\n]*\n)*([^\n]+)\n```$/m.exec(body);
  if (!image || !figure || figure[1] !== image[1]) return 'the figure’s caption is not the manuscript image’s alt text';

  const expected = original.slice(titleLine.length).replace(image[0], figure[0]).replaceAll('â€™', '’');
  if (body !== expected) return firstDifference(expected, body);

  if (appended !== '') {
    const blocks = appended.match(/^```\{self-check\} .+\n[\s\S]*?^```$/gm) ?? [];
    if (blocks.length === 0) return 'the editors’ section holds no self-check question';
    const prose = blocks.reduce((text, block) => text.replace(block, ''), appended.slice(EDITORS_SECTION.length)).trim();
    // Only the one opening paragraph is editors' prose outside the questions.
    if (!prose.startsWith(EDITORS_NOTE) || /\n/.test(prose)) return `the editors’ section holds more than its opening note and its questions: “${prose.slice(0, 120)}”`;
  }
  return undefined;
}

describe('the generative-AI chapter and its manuscript', () => {
  it('should reproduce every word of the manuscript, with only the editors’ section appended', () => {
    expect(fidelityProblem(chapter, manuscript)).toBeUndefined();
  });

  it('should append the editors’ section, opened by the note saying who added it, at the very end', () => {
    const at = chapter.indexOf(EDITORS_SECTION);
    expect(at).toBeGreaterThan(0);
    expect(chapter.indexOf(EDITORS_SECTION, at + 1)).toBe(-1);
    expect(chapter.slice(at + EDITORS_SECTION.length)).toMatch(new RegExp(`^${literal(EDITORS_NOTE)}`));
    expect(chapter.trimEnd().endsWith('```')).toBe(true);
  });

  it('should accept the manuscript as published without the editors’ section too', () => {
    expect(fidelityProblem(chapter.slice(0, chapter.indexOf(EDITORS_SECTION)), manuscript)).toBeUndefined();
  });

  it('should fail when a word of the manuscript changes, is added or is removed', () => {
    const changed = chapter.replace('arguably one of the most exciting', 'arguably the most exciting');
    expect(changed).not.toBe(chapter);
    expect(fidelityProblem(changed, manuscript)).toMatch(/differs from the manuscript at character \d+: expected “one of the most exciting/);
    expect(fidelityProblem(chapter.replace('Reward hacking happens', 'Reward hacking often happens'), manuscript)).toMatch(/differs from the manuscript/);
    expect(fidelityProblem(chapter.replace(' This lack of robustness undermines trust', ' This undermines trust'), manuscript)).toMatch(/differs from the manuscript/);
  });

  it('should fail when the editors’ section is moved into the manuscript or holds more than questions', () => {
    const section = chapter.slice(chapter.indexOf(EDITORS_SECTION));
    const withoutSection = chapter.slice(0, chapter.indexOf(EDITORS_SECTION));
    const moved = withoutSection.replace('\n\n## New Challenge: Robustness', `${section}\n\n## New Challenge: Robustness`);
    expect(fidelityProblem(moved, manuscript)).toBeDefined();
    expect(fidelityProblem(`${chapter}\n\nA closing remark by the editors.\n`, manuscript)).toMatch(/more than its opening note/);
    expect(fidelityProblem(`${chapter}\n\n## Further reading\n\nMore.\n`, manuscript)).toMatch(/more than its opening note/);
    expect(fidelityProblem(chapter.replace(EDITORS_NOTE, 'These questions check the chapter.'), manuscript)).toMatch(/more than its opening note/);
  });
});
