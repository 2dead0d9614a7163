/**
 * Accessibility gate: axe-core (WCAG 2.1 A and AA rules) on every page of the built book, in light and
 * dark themes, at desktop and phone widths: no violation. A failure names the page, the rule and the
 * elements.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { type StaticSite, serveStatic } from '../support/static-server.js';

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveStatic(inject('bookDir'));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Every page of the built site but the redirect stubs of old URLs, as paths below the base. */
function builtPages(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind'))
    .map((file) => path.dirname(file).split(path.sep).join('/'))
    .map((folder) => (folder === '.' ? '' : `${folder}/`))
    .concat(['no-such-page/', 'search/?q=fairness'])
    .sort();
}

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      it(`should have no WCAG 2.1 AA violation on any page (${colorScheme}, ${width} px)`, async () => {
        const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
        const problems: string[] = [];
        for (const page of builtPages(inject('bookDir'))) {
          const tab = await context.newPage();
          await tab.goto(site.url(page), { waitUntil: 'networkidle' });
          const { violations } = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          for (const violation of violations) {
            problems.push(`/${page}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join('; ')}`);
          }
          await tab.close();
        }
        await context.close();
        expect(problems).toEqual([]);
      }, 180_000);
    }
  }
});
