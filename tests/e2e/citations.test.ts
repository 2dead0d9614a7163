/**
 * Citations as a reader meets them in the generative-AI chapter: author–year links for the 23 works,
 * the References section with working back-links, the preview popover (hover, keyboard focus, Esc),
 * and the bibliography page's "cited in" links.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../support/astro-build.js';
import { useBrowserSession } from '../support/browser-session.js';

const manuscript = readFileSync(path.join(projectRoot, 'tests/fixtures/jupyter-book/4-1-genai.md'), 'utf8');
const citedKeys = [...new Set([...manuscript.matchAll(/\{cite:[pt]\}`([^`]+)`/g)].flatMap((match) => (match[1] as string).split(',').map((key) => key.trim())))];

const session = useBrowserSession('book');
let page: Page;

beforeAll(async () => {
  page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(session.book.url('generative-ai/'));
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('citations in the generative-AI chapter', () => {
  it('should render all 23 cited works author–year, each linked to its entry', async () => {
    expect(citedKeys).toHaveLength(23);
    const links = await page.locator('.chapter-body a.citation-link').evaluateAll((anchors) =>
      anchors.map((anchor) => ({ key: anchor.getAttribute('data-cite-key'), href: anchor.getAttribute('href'), text: anchor.textContent ?? '' })),
    );
    expect(new Set(links.map((link) => link.key))).toEqual(new Set(citedKeys));
    for (const link of links) {
      expect(link.href).toBe(`#ref-${link.key}`);
      // Author–year: a name and a four-digit year (textual citations put it in parentheses).
      expect(link.text).toMatch(/^\p{Lu}.*\(?\b(19|20)\d\d[a-z]?\)?$/u);
    }
    expect(await page.locator('.citation', { hasText: 'Betley et al. (2025)' }).count()).toBe(1);
  });

  it('should leave no raw role text anywhere in the built site', () => {
    for (const file of filesUnder(inject('bookDir')).filter((name) => name.endsWith('.html'))) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\{cite/);
    }
  });

  it('should list exactly the 23 cited works under References, with back-links that land on each citation', async () => {
    const entries = await page.locator('ol.references > li.reference').evaluateAll((items) => items.map((item) => item.id));
    expect(entries.map((id) => id.replace(/^ref-/, '')).sort()).toEqual([...citedKeys].sort());
    const backLinks = await page.locator('ol.references a.back-link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    expect(backLinks.length).toBeGreaterThanOrEqual(23);
    for (const href of backLinks) expect(await page.locator(`[id="${href.slice(1)}"]`).count(), href).toBe(1);
    // Following one back-link scrolls its citation into view.
    await page.locator('#ref-betley2025emergent a.back-link').click();
    expect(page.url()).toMatch(/#cite-betley2025emergent-1$/);
    expect(await page.locator('#cite-betley2025emergent-1').isVisible()).toBe(true);
  });

  it('should preview the reference on hover and on keyboard focus, and close on Escape', async () => {
    await page.goto(session.book.url('generative-ai/'));
    const link = page.locator('a.citation-link[data-cite-key="dai2024bias"]').first();
    const popover = page.locator('#reference-preview');
    const before = await page.locator('.chapter-body').boundingBox();
    await link.hover();
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.textContent()).toMatch(/Dai, S\..*\(2024\)\. Bias and unfairness in information retrieval systems/);
    expect(await link.getAttribute('aria-describedby')).toBe('reference-preview');
    // No layout shift: the chapter did not move or grow.
    expect(await page.locator('.chapter-body').boundingBox()).toEqual(before);
    await page.mouse.move(5, 5);
    await expect.poll(() => popover.isVisible()).toBe(false);

    // Keyboard: focus shows it, Escape hides it and keeps focus on the link.
    await link.focus();
    await expect.poll(() => popover.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => popover.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cite-key'))).toBe('dai2024bias');
  });

  it('should show the preview on a first tap and follow the link on a second', async () => {
    const context = await session.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const phone = await context.newPage();
    await phone.goto(session.book.url('generative-ai/'));
    const link = phone.locator('a.citation-link[data-cite-key="li2023survey"]').first();
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await expect.poll(() => phone.locator('#reference-preview').isVisible()).toBe(true);
    expect(phone.url()).not.toContain('#ref-');
    expect(await phone.locator('#reference-preview .preview-go').getAttribute('href')).toMatch(/#ref-li2023survey$/);
    await link.tap();
    await expect.poll(() => phone.url()).toMatch(/#ref-li2023survey$/);
    await context.close();
  });

  it('should link to the entry without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(session.book.url('generative-ai/'));
    await plain.locator('a.citation-link[data-cite-key="nasr2023scalable"]').click();
    expect(plain.url()).toMatch(/#ref-nasr2023scalable$/);
    await context.close();
  });
});

describe('the bibliography page', () => {
  it('should list every cited work with "cited in" links that land on the citation in its section', async () => {
    await page.goto(session.book.url('bibliography/'));
    // Every key cited anywhere in the published chapters, once.
    const bookKeys = new Set(
      filesUnder(path.join(projectRoot, 'content'))
        .filter((file) => /\.mdx?$/.test(file))
        .flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\{cite:[pt]\}`([^`]+)`/g)].flatMap((match) => (match[1] as string).split(',').map((key) => key.trim()))),
    );
    const entries = await page.locator('ol.references > li.reference').evaluateAll((items) => items.map((item) => item.id.replace(/^ref-/, '')));
    expect(new Set(entries)).toEqual(bookKeys);
    for (const key of citedKeys) expect(entries).toContain(key);
    // Cited in several chapters; the link to the generative-AI chapter names its section.
    const citedIn = page.locator('#ref-amodei2016concrete .cited-in a', { hasText: '4.1 ' });
    expect(await citedIn.textContent()).toBe('4.1 Responsible AI in the Age of Generative AI › Why Is Alignment Hard?');
    await citedIn.click();
    await page.waitForURL(/generative-ai\/#cite-amodei2016concrete-1$/);
    const target = page.locator('#cite-amodei2016concrete-1');
    expect(await target.isVisible()).toBe(true);
    // The citation is in the section the link names: the nearest heading above it.
    const section = await target.evaluate((node) => {
      const headings = [...document.querySelectorAll('.chapter-body h2, .chapter-body h3')];
      const above = headings.filter((heading) => heading.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING);
      return above[above.length - 1]?.id;
    });
    expect(section).toBe('why-is-alignment-hard');
  });
});
