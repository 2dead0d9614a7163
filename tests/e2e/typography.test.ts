/**
 * Quotes and apostrophes as a reader sees them in Chromium, on every page of the built book: the
 * chapters' smart punctuation reaches what is parsed apart from the chapter text (captions, callouts,
 * self-check questions), what comes from the frontmatter (objectives, descriptions), the glossary
 * (terms, definitions, `{term}` links) and the descriptions of interactive figures; and an apostrophe
 * right after inline math or a role is not curled the wrong way ("b‘s" for "b’s"). Code, formulas
 * and drawings keep what their authors typed.
 */
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';
import { builtPages } from '../support/built-pages.js';

const session = useBrowserSession('book');

/** The text of the page's `main`, without code, formulas, drawings and scripts. */
async function prose(url: string): Promise<string> {
  const page = await session.browser.newPage();
  try {
    await page.goto(session.book.url(url));
    return await page.evaluate(() => {
      const main = document.querySelector('main')?.cloneNode(true) as HTMLElement | undefined;
      if (!main) return '';
      for (const element of main.querySelectorAll('pre, code, kbd, .katex, math, svg, script, style, template, textarea')) element.remove();
      return main.textContent ?? '';
    });
  } finally {
    await page.close();
  }
}

/** Each match of `pattern` in `text`, with a little context. */
const around = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => text.slice(Math.max(0, match.index - 30), match.index + 15).replace(/\s+/g, ' '));

describe('typography of the book', () => {
  it('should show no straight apostrophe between letters and no quote opened right after a word, on any page', async () => {
    const pages = builtPages(inject('bookDir')).filter((page) => !page.redirect);
    expect(pages.length).toBeGreaterThan(15);
    const problems: string[] = [];
    let apostrophes = 0;
    for (const { url } of pages) {
      const text = await prose(url);
      apostrophes += (text.match(/\p{L}’\p{L}/gu) ?? []).length;
      for (const found of around(text, /\p{L}'\p{L}/gu)) problems.push(`/${url}: straight apostrophe in "${found}"`);
      for (const found of around(text, /[^\s(\[“‘—–/-]‘/gu)) problems.push(`/${url}: opening quote after a word in "${found}"`);
    }
    expect(problems).toEqual([]);
    // The scan reads prose at all: the book has hundreds of apostrophes.
    expect(apostrophes).toBeGreaterThan(200);
  }, 300_000);

  it('should curl what is parsed or shown apart from the chapter text', async () => {
    const measuring = await prose('measuring-fairness/');
    // A learning objective (frontmatter), an interactive figure's caption (a directive body).
    expect(measuring).toContain('Derive Chouldechova’s identity');
    expect(measuring).toContain('Move each group’s threshold');
    // After inline math: "group $b$'s threshold".
    expect(await prose('mitigating-bias/')).toMatch(/’s threshold until/);
    // The glossary's term heading and a `{term}` link's text.
    expect(await prose('glossary/')).toContain('Goodhart’s law');
    const alignment = await prose('alignment/');
    expect(alignment).toContain('Goodhart’s law predicts');
  });
});
