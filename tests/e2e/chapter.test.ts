/**
 * The generative-AI chapter as a reader sees it in Chromium: the manuscript's headings in order, its
 * epigraphs with attribution, its figure, placeholders instead of raw roles, and no layout overflow.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/astro-build.js';
import { useBrowserSession } from '../support/browser-session.js';

const manuscript = readFileSync(path.join(projectRoot, 'tests/fixtures/jupyter-book/4-1-genai.md'), 'utf8');
const chapterSource = readFileSync(path.join(projectRoot, 'content/4-special-topics/4-1-genai.mdx'), 'utf8');

const session = useBrowserSession('book');
let page: Page;

beforeAll(async () => {
  page = await session.browser.newPage();
  await page.goto(session.book.url('generative-ai/'));
});

describe('the generative-AI chapter', () => {
  it('should show every heading of the manuscript, in order', async () => {
    // The manuscript's H1 is the page title; its ## and ### are the chapter's sections.
    const expected = [...manuscript.matchAll(/^(#{1,3}) (.+)$/gm)].map((match) => match[2]?.trim());
    const shown = await page.locator('main h1, .chapter-body h2, .chapter-body h3').allTextContents();
    // The manuscript's headings, then the self-check section the editors appended (its text is checked
    // word for word in tests/unit/chapters/4-1-genai.test.ts), then the References section the citations add.
    expect(shown.map((text) => text.trim())).toEqual([...expected, 'Check your understanding', 'References']);
    expect(expected.length).toBe(9);
  });

  it('should render the epigraphs as quotes with their attribution', async () => {
    const epigraphs = page.locator('figure.epigraph');
    await expect.poll(() => epigraphs.count()).toBe(3);
    const first = epigraphs.nth(0);
    expect(await first.locator('blockquote').textContent()).toContain('we do not understand how our own AI creations work');
    expect(await first.locator('figcaption').textContent()).toBe('— Dario Amodei, The Urgency of Interpretability');
    expect(await first.locator('figcaption cite a').getAttribute('href')).toBe('https://www.darioamodei.com/post/the-urgency-of-interpretability');
    const second = epigraphs.nth(1);
    expect(await second.locator('figcaption').textContent()).toContain('— Eliezer Yudkowsky, If Anyone Builds It, Everyone Dies');
    expect(await epigraphs.nth(2).locator('figcaption').textContent()).toBe('— Sutton and Barto, Reinforcement Learning (Chapter 1.1)');
  });

  it('should publish the manuscript faithfully, with the mojibake fixed', async () => {
    const text = (await page.locator('.chapter-body').textContent()) ?? '';
    expect(text).toContain('LLMs’');
    expect(text).not.toContain('â€™');
    expect(chapterSource).not.toContain('â€™');
    // Every paragraph's opening words appear on the page (smart quotes aside).
    const paragraphs = manuscript.split(/\n\s*\n/).filter((block) => /^[A-Z*]/.test(block.trim()));
    for (const paragraph of paragraphs) {
      const opening = paragraph.replace(/\*\*/g, '').replace(/["']/g, '').trim().slice(0, 40);
      expect(text.replace(/[“”‘’]/g, '')).toContain(opening);
    }
  });

  it('should draw the agent-environment figure with alt text and a caption', async () => {
    const figure = page.locator('figure#fig-agent-environment');
    expect(await figure.locator('[role="img"]').getAttribute('aria-label')).toMatch(/agent.*action.*environment.*state.*reward/is);
    expect(await figure.locator('figcaption').textContent()).toBe('Figure 4.1.1 The Agent-Environment Framework');
    const labels = await figure.locator('svg text').allTextContents();
    expect(labels.join(' ')).toMatch(/Agent.*Environment.*action.*state.*reward/s);
  });

  it('should link every chapter the manuscript refers to, by title, now that all are published', async () => {
    const html = await page.content();
    expect(html).not.toMatch(/\{cite:[pt]\}|\{doc\}/);
    expect(await page.locator('.role-placeholder').count()).toBe(0);
    const links = await page.locator('.chapter-body a.xref-doc').evaluateAll((anchors) => anchors.map((anchor) => [anchor.getAttribute('href'), anchor.textContent]));
    expect(links).toEqual([
      ['/mitigating-bias/', 'Mitigating Algorithmic Bias'],
      ['/algorithmic-bias/', 'Introduction to Algorithmic Bias and Fairness'],
      ['/interpretability/', 'Introduction to Interpretable Machine Learning'],
    ]);
    // "Chapter {doc}`1-3-mitigation`" reads naturally.
    expect(await page.locator('.chapter-body p', { hasText: 'qualitatively different' }).textContent()).toContain('discussed in Chapter Mitigating Algorithmic Bias.');
    expect(await page.locator('.chapter-body .xref-planned').count()).toBe(0);
  });

  it('should not scroll sideways at 390 px or 1280 px', async () => {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const url of [session.book.url('generative-ai/'), session.book.url(''), session.book.url('nope/')]) {
        await page.goto(url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0);
      }
    }
  });

  it('should give every section heading an anchor link to itself', async () => {
    await page.goto(session.book.url('generative-ai/'));
    const anchors = await page.locator('.chapter-body :is(h2, h3) > a.heading-anchor').evaluateAll((links) =>
      links.map((link) => ({ href: link.getAttribute('href'), id: link.parentElement?.id, label: link.getAttribute('aria-label') })),
    );
    // The manuscript's eight ## and ### headings, the editors' "Check your understanding" and References.
    expect(anchors.length).toBe(10);
    for (const anchor of anchors) {
      expect(anchor.href).toBe(`#${anchor.id}`);
      // The page script made each anchor a copy-link button (src/scripts/copy-link.ts).
      expect(anchor.label).toMatch(/^Copy link to section/);
    }
  });

  it('should print the chapter without navigation chrome and with link targets written out', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(session.book.url('generative-ai/'));
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.site-header', '#sidebar', '.on-this-page', '.prev-next']) {
      expect(await page.locator(chrome).isVisible(), chrome).toBe(false);
    }
    const external = page.locator('.chapter-body a[href^="https://www.darioamodei.com"]');
    const after = await external.evaluate((link) => getComputedStyle(link, '::after').content);
    expect(after).toBe('" (https://www.darioamodei.com/post/the-urgency-of-interpretability)"');
    await page.emulateMedia({ media: 'screen' });
  });
});
