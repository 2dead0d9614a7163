/**
 * The glossary and the resources page as a reader meets them: a chapter's first use of a term links
 * to its glossary entry and previews the definition on hover, keyboard focus and tap (Esc closes it,
 * and without JavaScript it is a plain link); the glossary lists its terms alphabetically with "used
 * in" links that land on each first use; the resources page is in the contents, and the previous
 * edition's `content/resources.html` now leads to it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession('book');
let page: Page;

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
});

const TERM = '#termref-demographic-parity';

describe('glossary terms in a chapter', () => {
  it('should link the first use of a term to its glossary entry, once per term', async () => {
    await page.goto(session.book.url('measuring-fairness/'));
    const link = page.locator(TERM);
    expect(await link.getAttribute('href')).toBe('/glossary/#term-demographic-parity');
    expect(await link.textContent()).toBe('Demographic parity');
    const terms = await page.locator('.chapter-body a.term-link').evaluateAll((links) => links.map((link) => link.getAttribute('data-term')));
    expect(terms.length).toBeGreaterThan(10);
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('should preview the definition on hover and on keyboard focus, and close on Escape', async () => {
    await page.goto(session.book.url('measuring-fairness/'));
    const link = page.locator(TERM);
    const popover = page.locator('#reference-preview');
    await link.scrollIntoViewIfNeeded();
    const before = await page.locator('.chapter-body').boundingBox();
    await link.hover();
    await expect.poll(() => popover.isVisible(), { timeout: 10_000 }).toBe(true);
    const text = (await popover.textContent()) ?? '';
    expect(text).toContain('Demographic parity');
    expect(text).toContain('requires equal selection rates across groups');
    // The preview shows the definition, not the glossary's "used in" lists.
    expect(text).not.toContain('Used in');
    expect(await link.getAttribute('aria-describedby')).toBe('reference-preview');
    expect(await page.locator('.chapter-body').boundingBox()).toEqual(before);
    await page.mouse.move(5, 5);
    await expect.poll(() => popover.isVisible()).toBe(false);

    await link.focus();
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.textContent()).toContain('requires equal selection rates');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('termref-demographic-parity');
  });

  it('should preview on a first tap and follow the link on a second', async () => {
    const context = await session.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const phone = await context.newPage();
    await phone.goto(session.book.url('measuring-fairness/'));
    const link = phone.locator(TERM);
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect.poll(() => phone.locator('#reference-preview').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await phone.locator('#reference-preview .preview-go').getAttribute('href')).toMatch(/\/glossary\/#term-demographic-parity$/);
    await link.tap();
    // The second tap loads the glossary page (another page, unlike a citation's entry).
    await expect.poll(() => phone.url(), { timeout: 10_000 }).toMatch(/\/glossary\/#term-demographic-parity$/);
    await context.close();
  });

  it('should be a plain link to the entry without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(session.book.url('measuring-fairness/'));
    await plain.locator(TERM).click();
    expect(plain.url()).toBe(session.book.url('glossary/#term-demographic-parity'));
    expect(await plain.locator('#term-demographic-parity').textContent()).toBe('Demographic parity');
    await context.close();
  });
});

describe('the glossary page', () => {
  it('should list the terms alphabetically, each at #term-<slug> with its definition', async () => {
    await page.goto(session.book.url('glossary/'));
    expect(await page.locator('main h1').textContent()).toBe('Glossary');
    const terms = await page.locator('.glossary-entry h3').evaluateAll((headings) => headings.map((heading) => ({ id: heading.id, text: heading.textContent ?? '' })));
    expect(terms.length).toBeGreaterThanOrEqual(50);
    const names = terms.map((term) => term.text);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(terms.every((term) => term.id.startsWith('term-'))).toBe(true);
    for (const name of ['Demographic parity', 'Differential privacy', 'SHAP', 'Reward hacking', 'Adversarial example']) expect(names).toContain(name);
    expect(await page.locator('#term-differential-privacy + .glossary-definition').textContent()).toMatch(/^A property of a randomized algorithm/);
  });

  it('should link each term to the first use in every chapter that uses it', async () => {
    await page.goto(session.book.url('glossary/'));
    const usedIn = page.locator('.glossary-entry', { has: page.locator('#term-demographic-parity') }).locator('.glossary-meta li', { hasText: 'Used in' }).locator('a');
    const hrefs = await usedIn.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs).toContain('/measuring-fairness/#termref-demographic-parity');
    expect(hrefs).toContain('/mitigating-bias/#termref-demographic-parity');
    await usedIn.filter({ hasText: '1.2 Measuring Fairness' }).click();
    await page.waitForURL(/\/measuring-fairness\/#termref-demographic-parity$/);
    expect(await page.locator(TERM).isVisible()).toBe(true);
  });

  it('should be in the contents next to the bibliography', async () => {
    await page.goto(session.book.url('measuring-fairness/'));
    const backMatter = await page.locator('#sidebar .sidebar-back-matter a').allTextContents();
    expect(backMatter).toEqual(['Syllabus', 'Glossary', 'Resources', 'Bibliography']);
  });
});

describe('the resources page', () => {
  it('should be reachable from the contents, with links by topic', async () => {
    await page.goto(session.book.url(''));
    await page.locator('#sidebar a', { hasText: 'Resources' }).click();
    await page.waitForURL(session.book.url('resources/'));
    expect(await page.locator('main h1').textContent()).toBe('Resources');
    expect(await page.locator('.resources-section h2').allTextContents()).toEqual(['Fairness', 'Interpretability', 'Privacy', 'Alignment', 'Robustness']);
    for (const href of ['https://fairlearn.org', 'https://github.com/shap/shap', 'https://opacus.ai', 'https://github.com/TransformerLensOrg/TransformerLens']) {
      expect(await page.locator(`.resources-list a[href="${href}"]`).count(), href).toBe(1);
    }
    expect(await page.locator('#sidebar a[aria-current="page"]').textContent()).toBe('Resources');
  });

  it('should be where the previous edition’s resources page now leads, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await session.browser.newContext({ javaScriptEnabled });
      const old = await context.newPage();
      await old.goto(session.book.url('content/resources.html'));
      await old.waitForURL(session.book.url('resources/'), { timeout: 10_000 });
      expect(await old.locator('main h1').textContent()).toBe('Resources');
      await context.close();
    }
  });
});
