/**
 * A notebook chapter as a reader sees it (tests/fixtures/notebook-book, built by the global setup:
 * `E2E_SITES=notebook`): the DataFrame a table with no stray text and its style applied, with no
 * Content-Security-Policy violation, the PNG shown, removed input absent, hidden input collapsed and openable
 * by mouse and keyboard, the scripted output replaced by its static text and a note, the HTML raw cell
 * shown without its script, the LaTeX raw cell absent, the hidden Markdown cell collapsed and openable,
 * and no WCAG violation in either theme at phone and desktop widths.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';

const session = useBrowserSession('notebook');

/** Open the notebook chapter, recording Content-Security-Policy violations and failed requests. */
async function open(width = 1280, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  // A context of its own per page: axe needs one (and the page closes with it).
  const context = await session.browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(session.notebook.url('notebook-chapter/'), { waitUntil: 'networkidle' });
  return { page, problems };
}

describe('a notebook chapter', () => {
  it('should show the DataFrame as one table, with no stray text, styled by its stylesheet', async () => {
    const { page, problems } = await open();
    const output = page.locator('.nb-output-html');
    const table = output.locator('table.dataframe');
    // The table, whole: a header row and two data rows, seven columns.
    expect(await table.locator('tr').count()).toBe(3);
    expect(await table.locator('thead th').count()).toBe(7);
    // Nothing but the table in the output: the stylesheet's text is not shown.
    expect((await output.innerText()).trim()).toBe((await table.innerText()).trim());
    expect(await output.innerText()).not.toContain('vertical-align');
    // pandas' rule (header cells aligned right) applies: its stylesheet was applied to the cells.
    expect(await table.locator('thead th').nth(1).evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('right');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should keep the table whole on a phone, in a region that scrolls sideways and takes focus', async () => {
    const { page } = await open(390);
    const region = page.getByRole('region', { name: 'Output of cell 3' });
    const sizes = await region.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, page: document.documentElement.scrollWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    expect(sizes.page).toBeLessThanOrEqual(390);
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    await page.close();
  });

  it('should show the PNG output, loaded from the site, with its alt text', async () => {
    const { page, problems } = await open();
    const image = page.getByRole('img', { name: 'Bar chart of the approval rate of four groups.' });
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(160);
    expect(await image.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should leave out removed input and collapse hidden input behind "Show code", openable by mouse and keyboard', async () => {
    const { page } = await open();
    const body = page.locator('.chapter-body');
    // remove-input: the code is gone, its output stays.
    expect(await body.innerText()).not.toContain('setup_secret');
    expect(await body.innerText()).toContain('setup done');
    // hide-input: collapsed, the code hidden until opened.
    const toggle = page.locator('details.nb-toggle-input');
    const code = toggle.locator('pre');
    expect(await toggle.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await code.isVisible()).toBe(false);
    await toggle.getByText('Show code', { exact: true }).click();
    expect(await code.isVisible()).toBe(true);
    expect(await code.innerText()).toContain('hidden_helper');
    // Closed again, then opened from the keyboard.
    await toggle.getByText('Show code', { exact: true }).click();
    await toggle.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await code.isVisible()).toBe(true);
    await page.close();
  });

  it('should replace the output that needs a script by its static text and a visible note', async () => {
    const { page, problems } = await open();
    const cell = page.locator('.nb-cell[data-cell="7"]');
    expect(await cell.getByRole('note').innerText()).toBe('Interactive output: shown here as static text; run the notebook to interact with it.');
    expect(await cell.locator('.nb-output-text').innerText()).toBe('<InteractiveChart: approval_rate by group>');
    expect(await page.locator('.chapter-body script').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('drawn by a script');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should show the HTML raw cell as part of the page, without running its script, and leave the LaTeX raw cell out', async () => {
    const { page, problems } = await open();
    const note = page.locator('.nb-cell-raw[data-cell="17"] p.data-note');
    expect(await note.innerText()).toBe('Data note: every number in this chapter is invented.');
    expect(await note.locator('strong').innerText()).toBe('every number in this chapter is invented');
    expect(await note.isVisible()).toBe(true);
    // Its <script> was removed at build time: it never ran.
    expect(await page.title()).not.toContain('raw cell script ran');
    expect(await page.locator('.chapter-body script').count()).toBe(0);
    // The LaTeX raw cell (cell 19) is not on the page at all.
    const text = await page.locator('.chapter-body').innerText();
    expect(text).not.toContain('Printed appendix');
    expect(text).not.toContain('newpage');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('should collapse the Markdown cell tagged hide-cell behind "Show text cell", openable by mouse and keyboard', async () => {
    const { page } = await open();
    const toggle = page.locator('.nb-cell-markdown[data-cell="18"] details.nb-toggle-text');
    const text = toggle.locator('p', { hasText: 'How the rate is computed' });
    expect(await toggle.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await text.isVisible()).toBe(false);
    await toggle.getByText('Show text cell', { exact: true }).click();
    expect(await text.isVisible()).toBe(true);
    // Its Markdown is rendered, not shown as source.
    expect(await text.locator('strong').innerText()).toBe('approved ÷ applicants');
    await toggle.getByText('Show text cell', { exact: true }).click();
    expect(await text.isVisible()).toBe(false);
    await toggle.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await text.isVisible()).toBe(true);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [390, 1280]) {
      it(`should have no WCAG 2.1 AA violation (${colorScheme}, ${width} px)`, async () => {
        const { page } = await open(width, colorScheme);
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join('; ')}`)).toEqual([]);
        await page.close();
      });
    }
  }
});
