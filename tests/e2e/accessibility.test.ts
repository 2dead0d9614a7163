/**
 * Accessibility gate: axe-core (WCAG 2.1 A and AA rules) on every page of the built book, in light and
 * dark themes, at desktop and phone widths: no violation. And the keyboard: on every page, Tab reaches
 * every visible interactive element, and each one shows a visible focus indicator. A failure names
 * the page, the rule and the elements.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';
import { builtPages as builtPageFiles } from '../support/built-pages.js';
import { pageSettled } from '../support/page-settled.js';
import { serveStatic } from '../support/static-server.js';
import { tamperedSite } from '../support/tampered-site.js';

const session = useBrowserSession('book');

/** Every page of the built site but the redirect stubs of old URLs, as paths below the base. */
function builtPages(dir: string): string[] {
  return builtPageFiles(dir)
    .filter((page) => !page.redirect && page.file !== '404.html')
    .map((page) => page.url)
    .concat(['no-such-page/', 'search/?q=fairness'])
    .sort();
}

/** The axe violations of the page open in `tab`, one line each. */
async function axeProblems(tab: Page, page: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.map((violation) => `/${page}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join('; ')}`);
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Tab through the page open in `tab` from the top; return the visible interactive elements Tab never
 * reached and the elements that had focus without a visible indicator (outline or box-shadow).
 */
async function keyboardProblems(tab: Page, page: string): Promise<string[]> {
  const expected = await tab.evaluate((selector) => {
    const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (element) => element.checkVisibility({ visibilityProperty: true }) && !element.closest('[inert], [hidden]'),
    );
    // A group of radio buttons is one Tab stop (arrow keys move inside it, as in every browser): its
    // buttons share one index, and the group counts as reached when Tab lands on any of them.
    const stops: HTMLElement[] = [];
    const radioGroups = new Map<string, number>();
    for (const element of elements) {
      const group = element instanceof HTMLInputElement && element.type === 'radio' && element.name ? `${element.form?.id ?? ''}|${element.name}` : undefined;
      const known = group === undefined ? undefined : radioGroups.get(group);
      if (known !== undefined) {
        element.dataset.keyboardGate = String(known);
        continue;
      }
      if (group !== undefined) radioGroups.set(group, stops.length);
      element.dataset.keyboardGate = String(stops.length);
      stops.push(element);
    }
    return stops.map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} “${(element.textContent ?? '').trim().slice(0, 40)}”`);
  }, FOCUSABLE);
  const reached = new Set<number>();
  const problems: string[] = [];
  // More presses than stops: Chromium also stops on scrollable boxes without a focusable child (wide
  // tables and formulas at phone width), which the selector above cannot list.
  for (let press = 0; press < expected.length * 2 + 10; press += 1) {
    await tab.keyboard.press('Tab');
    const focused = await tab.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      return { index: element.dataset.keyboardGate, visible: outline || style.boxShadow !== 'none', name: element.outerHTML.slice(0, 80) };
    });
    // Past the last element focus leaves the page, then wraps to the first: a page that starts with
    // focus in the middle (search focuses its field) is still walked round once.
    if (!focused) continue;
    if (focused.index !== undefined) reached.add(Number(focused.index));
    if (!focused.visible) problems.push(`/${page}: no visible focus on ${focused.name}`);
    if (reached.size === expected.length) break;
  }
  expected.forEach((name, index) => {
    if (!reached.has(index)) problems.push(`/${page}: Tab never reaches ${name}`);
  });
  return [...new Set(problems)];
}

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`should have no WCAG 2.1 AA violation on any page (${colorScheme}, ${width} px)`, async () => {
        const context = await session.browser.newContext({ colorScheme, viewport: { width, height: 900 } });
        const problems: string[] = [];
        for (const page of builtPages(inject('bookDir'))) {
          const tab = await context.newPage();
          await tab.goto(session.book.url(page), { waitUntil: 'networkidle' });
          await pageSettled(tab);
          problems.push(...(await axeProblems(tab, page)));
          await tab.close();
        }
        await context.close();
        expect(problems).toEqual([]);
      }, 600_000);
    }
  }

  for (const width of [1280, 390]) {
    it(`should let the keyboard reach every interactive element, with visible focus, on every page (${width} px)`, async () => {
      const context = await session.browser.newContext({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      let checked = 0;
      for (const page of builtPages(inject('bookDir'))) {
        const tab = await context.newPage();
        await tab.goto(session.book.url(page), { waitUntil: 'networkidle' });
        await pageSettled(tab);
        problems.push(...(await keyboardProblems(tab, page)));
        checked += 1;
        await tab.close();
      }
      await context.close();
      expect(checked).toBeGreaterThan(10);
      expect(problems).toEqual([]);
    }, 600_000);
  }

  it('should name the page and the figure when a figure loses its text alternative', async () => {
    const dir = tamperedSite(inject('bookDir'), { 'framework/index.html': (html) => html.replace(/(<div class="figure-media" role="img") aria-label="[^"]*"/, '$1') });
    const tampered = await serveStatic(dir);
    const context = await session.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(tampered.url('framework/'), { waitUntil: 'networkidle' });
    const problems = await axeProblems(tab, 'framework/');
    await context.close();
    await tampered.close();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\/framework\/: role-img-alt \(.*\) at .*figure-media/);
  });

  it('should name the element whose focus indicator is removed', async () => {
    // In the site's own stylesheet: the Content-Security-Policy would block an added <style>.
    const stylesheet = readdirSync(path.join(inject('bookDir'), '_astro')).find((file) => file.endsWith('.css'));
    const dir = tamperedSite(inject('bookDir'), {
      [`_astro/${stylesheet}`]: (css) => `${css}\n.sidebar-bibliography:focus-visible { outline: none; }`,
    });
    const tampered = await serveStatic(dir);
    const tab = await session.browser.newPage();
    await tab.goto(tampered.url('bibliography/'), { waitUntil: 'networkidle' });
    const problems = await keyboardProblems(tab, 'bibliography/');
    await tab.close();
    await tampered.close();
    expect(problems).toEqual([expect.stringMatching(/^\/bibliography\/: no visible focus on <a class="sidebar-home sidebar-bibliography"/)]);
  });
});
