/**
 * Cross-references as a reader meets them in the published chapters: numbered equations and figures
 * whose references carry the same numbers and land on them, section references, callouts, and the
 * shared preview popover for a target on the same page and on another page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession('book');
let page: Page;

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
});

describe('numbered equations and figures', () => {
  it('should number every labelled equation of a chapter in order, and every {eq} reference should show its target’s number', async () => {
    await page.goto(session.book.url('measuring-fairness/'));
    const tags = await page.locator('.chapter-body .equation').evaluateAll((equations) =>
      equations.map((equation) => [equation.id, equation.querySelector('annotation')?.textContent?.match(/\\tag\{([^}]+)\}/)?.[1]]),
    );
    expect(tags.length).toBeGreaterThan(5);
    tags.forEach(([, number], index) => expect(number).toBe(`1.2.${index + 1}`));
    const numberOf = new Map(tags as [string, string][]);
    const references = await page.locator('.chapter-body a.xref-equation').evaluateAll((links) => links.map((link) => [link.getAttribute('href'), link.textContent]));
    expect(references.length).toBeGreaterThan(3);
    for (const [href, text] of references) {
      const id = (href ?? '').split('#')[1] as string;
      if ((href ?? '').startsWith('#')) expect(text).toBe(`(${numberOf.get(id)})`);
      else expect(text).toMatch(/^\(\d+\.\d+\.\d+\)$/);
    }
  });

  it('should caption figures with their number and resolve {numref} to it', async () => {
    await page.goto(session.book.url('measuring-fairness/'));
    const captions = await page.locator('.chapter-body figure.figure .figure-number').allTextContents();
    expect(captions).toEqual(captions.map((_, index) => `Figure 1.2.${index + 1}`));
    const figureRef = page.locator('.chapter-body a.xref-figure').first();
    const href = (await figureRef.getAttribute('href')) as string;
    const target = page.locator(`[id="${href.slice(1)}"]`);
    expect(await target.locator('.figure-number').textContent()).toBe(await figureRef.textContent());
    await figureRef.click();
    expect(await target.isVisible()).toBe(true);
  });

  it('should resolve {ref} to the section title, across chapters', async () => {
    await page.goto(session.book.url('generative-ai/'));
    const all = await session.browser.newPage();
    // One page visits every target in turn (a page per link was slow on a busy machine).
    const checker = await session.browser.newPage();
    for (const slug of ['introduction/', 'framework/', 'philosophical-foundations/', 'machine-learning-fundamentals/', 'algorithmic-bias/', 'measuring-fairness/', 'mitigating-bias/']) {
      await all.goto(session.book.url(slug));
      for (const link of await all.locator('.chapter-body a.xref-section').evaluateAll((links) => links.map((anchor) => ({ href: (anchor as HTMLAnchorElement).href, text: anchor.textContent })))) {
        await checker.goto(link.href);
        const heading = checker.locator(`[id="${decodeURIComponent(new URL(link.href).hash.slice(1))}"]`);
        expect(await heading.count(), link.href).toBe(1);
        expect((await heading.textContent())?.trim(), link.href).toBe(link.text);
      }
    }
    await checker.close();
    await all.close();
  }, 180_000);
});

describe('cross-reference previews', () => {
  it('should preview an equation on the same page on hover', async () => {
    await page.goto(session.book.url('measuring-fairness/'));
    const link = page.locator('.chapter-body a.xref-equation[href^="#"]').first();
    await link.scrollIntoViewIfNeeded();
    await link.hover();
    const popover = page.locator('#reference-preview');
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.locator('.katex').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
  });

  it('should preview another chapter (its title and opening) on keyboard focus', async () => {
    await page.goto(session.book.url('generative-ai/'));
    const link = page.locator('.chapter-body a.xref-doc[href="/mitigating-bias/"]');
    await link.focus();
    const popover = page.locator('#reference-preview');
    await expect.poll(() => popover.isVisible()).toBe(true);
    await expect.poll(() => popover.locator('strong').first().textContent()).toBe('Mitigating Algorithmic Bias');
  });
});

describe('callouts', () => {
  it('should render admonitions as titled notes', async () => {
    await page.goto(session.book.url('algorithmic-bias/'));
    const callouts = page.locator('.chapter-body .callout[role="note"]');
    expect(await callouts.count()).toBeGreaterThan(0);
    expect((await callouts.first().locator('.callout-title').textContent())?.length).toBeGreaterThan(0);
  });
});
