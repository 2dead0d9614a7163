/**
 * What a reader sees of the MyST that Jupyter Book authors write (tests/fixtures/myst-book, built with
 * E2E_SITES=…,myst): a dropdown is collapsed, opens from the keyboard and prints open; an aligned
 * equation written bare is typeset, numbered, and `{eq}` links to it; a footnote called inside an
 * admonition is listed at the chapter's end and linked both ways; a figure's `:width:` and `:align:`
 * are applied.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession('myst');

describe('MyST chapters in the browser', () => {
  it('should show a dropdown collapsed, open it with the keyboard, and print it open', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.myst.url('1-1-feedback/'));
    const dropdown = page.locator('details.callout-dropdown', { hasText: 'Show a worked example' });
    const body = dropdown.locator('.callout-note');
    // Collapsed: the title shows, the body does not.
    expect(await dropdown.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
    expect(await dropdown.locator('summary').isVisible()).toBe(true);
    expect(await body.isVisible()).toBe(false);
    // Tab reaches the summary (a native control, announced as such), and Enter opens it.
    let focused = '';
    for (let step = 0; step < 60 && focused !== 'Show a worked example'; step++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.tagName === 'SUMMARY' ? (document.activeElement.textContent ?? '') : ''));
    }
    expect(focused).toBe('Show a worked example');
    await page.keyboard.press('Enter');
    expect(await dropdown.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(true);
    expect(await body.isVisible()).toBe(true);
    // The math inside the nested note is typeset.
    expect(await body.locator('.katex').count()).toBe(3);
    // Printed, the other (still closed) dropdown shows its content.
    const closed = page.locator('details.callout-dropdown', { hasText: 'Check the rates' });
    expect(await closed.locator('p').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await closed.locator('p').isVisible()).toBe(true);
    await page.close();
  });

  it('should draw a figure at its `:width:` of the column, on the side its `:align:` names', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(session.myst.url('1-1-feedback/'));
    const media = await page.locator('#fig-loop .figure-media').boundingBox();
    const image = await page.locator('#fig-loop .figure-media img').boundingBox();
    if (!media || !image) throw new Error('the figure is not drawn');
    // The PNG is 40 px wide: drawn at half the column, not at its own size.
    expect(Math.abs(image.width - media.width / 2)).toBeLessThan(2);
    expect(Math.abs(image.x - media.x)).toBeLessThan(1);
    expect(await page.locator('#fig-loop figcaption').evaluate((node) => getComputedStyle(node).textAlign)).toBe('left');
    await page.close();
  });

  it('should typeset the bare align* environment, numbered, with {eq} linking to it', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.myst.url('1-1-feedback/'));
    const equation = page.locator('#eq-rates');
    expect(await equation.locator('.katex-display').count()).toBe(1);
    expect(await equation.locator('.katex-display .tag').textContent()).toBe('(1.1.1)');
    // Both lines of the environment are set as rows, for the eye and in MathML.
    expect(await equation.locator('math mtable mtr').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.katex-error').count()).toBe(0);
    // No TeX source in the text (the MathML annotation keeps it for assistive technology).
    expect(await page.locator('.chapter-body p', { hasText: '\\begin' }).count()).toBe(0);
    const reference = page.locator('.chapter-body a.xref[href="#eq-rates"]');
    expect((await reference.textContent())?.trim()).toBe('(1.1.1)');
    await reference.click();
    expect(await page.evaluate(() => location.hash)).toBe('#eq-rates');
    expect(await equation.isVisible()).toBe(true);
    await page.close();
  });

  it('should list a footnote called inside an admonition and link it both ways', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.myst.url('1-1-feedback/'));
    const call = page.locator('.callout-warning sup a[data-footnote-ref]');
    expect(await call.count()).toBe(1);
    const target = (await call.getAttribute('href')) ?? '';
    const item = page.locator(`section.footnotes li${target}`);
    expect(await item.textContent()).toContain('This is called selective labels.');
    // The call names the list for screen readers; the list has a heading.
    expect(await call.getAttribute('aria-describedby')).toBe('footnote-label');
    expect(await page.locator('#footnote-label').textContent()).toContain('Footnotes');
    await call.click();
    expect(await page.evaluate(() => location.hash)).toBe(target);
    await item.locator('a[data-footnote-backref]').click();
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#${(await call.getAttribute('id')) ?? ''}`);
    await page.close();
  });
});
