/**
 * Math typeset at build time: inline and display formulas render as KaTeX HTML with MathML for screen
 * readers, in .mdx and .md chapters, with KaTeX's self-hosted stylesheet and fonts loaded only on
 * pages with math, cut down to the glyphs the book uses and still drawing every glyph of every formula.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { katexStylesheet } from '../../src/integrations/katex-assets.js';
import { useBrowserSession } from '../support/browser-session.js';
import { staticSites } from '../support/static-server.js';
import { tamperedSite } from '../support/tampered-site.js';

const session = useBrowserSession('sample', 'book');
const sites = staticSites();

afterAll(async () => {
  await sites.closeAll();
});

/** The pages of the built book that contain typeset math, as URL paths. */
function mathPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html') && readFileSync(path.join(dir, file), 'utf8').includes('katex-html'))
    .map((file) => file.replace(/index\.html$/, ''));
}

/** Every box inside the page's typeset formulas, rounded to a hundredth of a pixel, once the fonts are in. */
async function formulaBoxes(url: string): Promise<number[]> {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll('.katex, .katex *')].flatMap((element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return [box.x, box.y, box.width, box.height, style.visibility === 'hidden' ? 1 : 0].map((value) => Math.round(value * 100) / 100);
    }),
  );
  await page.close();
  return boxes;
}

/** Open a page and list the URLs it requested. */
async function open(url: string): Promise<{ page: Page; requests: string[] }> {
  const page = await session.browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, requests };
}

describe('math', () => {
  for (const [kind, slug] of [['.mdx', 'math-in-mdx/'], ['.md', 'math-in-markdown/']] as const) {
    it(`should render inline and display math with MathML in a ${kind} chapter`, async () => {
      const { page, requests } = await open(session.sample.url(slug));
      const inline = page.locator('.chapter-body p .katex');
      const display = page.locator('.chapter-body .katex-display');
      expect(await inline.count()).toBeGreaterThanOrEqual(1);
      expect(await display.count()).toBe(1);
      // MathML for assistive technology, with the TeX source as annotation.
      expect(await display.locator('math[display="block"]').count()).toBe(1);
      expect(await inline.first().locator('math annotation[encoding="application/x-tex"]').count()).toBe(1);
      // The visual rendering uses KaTeX's fonts, served from this site.
      expect(await page.locator('head style[data-katex]').count()).toBe(1);
      expect(requests.some((url) => /\/_katex\/fonts\/KaTeX_.*\.woff2$/.test(url))).toBe(true);
      const fontFamily = await page.locator('.katex .mathnormal').first().evaluate((node) => getComputedStyle(node).fontFamily);
      expect(fontFamily).toContain('KaTeX_Math');
      expect(await page.locator('.katex-error').count()).toBe(0);
      await page.close();
    });
  }

  it('should keep MDX expressions working beside math and roles', async () => {
    const { page } = await open(session.sample.url('math-in-mdx/'));
    expect(await page.locator('.chapter-body').textContent()).toContain('still works: 2.');
    expect(await page.locator('.chapter-body code').first().textContent()).toBe('{cite:p}');
    // The MDX form of an admonition, without an import.
    const callout = page.locator('.chapter-body .callout.callout-tip[role="note"]');
    expect(await callout.locator('.callout-title').textContent()).toBe('Read the formula aloud');
    expect(await callout.locator('em').textContent()).toBe('average');
    await page.close();
  });

  it('should not load KaTeX on pages without math', async () => {
    const { page, requests } = await open(session.book.url('generative-ai/'));
    expect(requests.filter((url) => url.includes('_katex'))).toEqual([]);
    await page.close();
  });

  it('should never draw an equation number over its formula, on a phone or a desktop, and keep it in sight', async () => {
    const overlaps: string[] = [];
    const hidden: string[] = [];
    let tags = 0;
    let scrolling = 0;
    for (const width of [360, 390, 768, 1280]) {
      const page = await session.browser.newPage({ viewport: { width, height: 900 } });
      for (const slug of ['machine-learning-fundamentals/', 'measuring-fairness/', 'mitigating-bias/']) {
        await page.goto(session.book.url(slug), { waitUntil: 'networkidle' });
        const found = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.katex-display .katex-html > .tag')].map((tag) => {
            const display = tag.closest<HTMLElement>('.katex-display') as HTMLElement;
            const scrolls = display.scrollWidth > display.clientWidth + 1;
            // Where the formula is wider than the column it scrolls, and its number stays at the visible
            // right edge (issue: a phone reader must see it), over a fade in which the formula goes on.
            display.scrollLeft = 0;
            const view = display.getBoundingClientRect();
            const number = tag.getBoundingClientRect();
            const inSight = number.left >= view.left - 1 && number.right <= view.right + 1;
            // Scrolled to its end, the number stands after the formula, over none of it.
            display.scrollLeft = display.scrollWidth;
            const box = tag.getBoundingClientRect();
            const formula = [...(tag.parentElement?.children ?? [])].filter((child) => child !== tag).map((child) => child.getBoundingClientRect());
            const hit = formula.some((part) => part.right > box.left + 1 && part.left < box.right - 1 && part.bottom > box.top + 1 && part.top < box.bottom - 1);
            display.scrollLeft = 0;
            return { id: tag.closest('[id]')?.id ?? '', hit, inSight, scrolls };
          }),
        );
        tags += found.length;
        for (const { id, hit, inSight, scrolls } of found) {
          if (scrolls) scrolling += 1;
          if (hit) overlaps.push(`/${slug}#${id} at ${width} px`);
          if (!inSight) hidden.push(`/${slug}#${id} at ${width} px`);
        }
      }
      await page.close();
    }
    expect(tags).toBeGreaterThan(20);
    // The phone widths do have formulas that scroll: the check of their numbers means something.
    expect(scrolling).toBeGreaterThan(5);
    expect(overlaps).toEqual([]);
    expect(hidden).toEqual([]);
  }, 120_000);

  it('should draw every glyph of every formula of the book with its subset KaTeX fonts, none with a system font', async () => {
    const slugs = mathPages(inject('bookDir'));
    expect(slugs.length).toBeGreaterThan(5);
    const fallbacks: string[] = [];
    let probed = 0;
    for (const slug of slugs) {
      const { page, requests } = await open(session.book.url(slug));
      // The fonts are the build's subsets, named by their content hash.
      expect(requests.filter((url) => /\/_katex\/fonts\//.test(url)).every((url) => /KaTeX_[\w-]+\.[0-9a-f]{10}\.woff2$/.test(url)), slug).toBe(true);
      await page.evaluate(() => document.fonts.ready);
      // One probe per distinct text in a distinct chain of KaTeX classes (the same glyphs in the same font).
      probed += await page.evaluate(() => {
        const seen = new Set<string>();
        for (const element of document.querySelectorAll<HTMLElement>('.katex-html *')) {
          const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('').trim();
          if (!text) continue;
          const chain: string[] = [];
          for (let at: HTMLElement | null = element; at && !at.classList.contains('katex'); at = at.parentElement) chain.push(at.className);
          const signature = `${chain.join('<')}|${text}`;
          if (seen.has(signature)) continue;
          seen.add(signature);
          element.setAttribute('data-font-probe', '');
        }
        return seen.size;
      });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-probe]' });
      const used = await Promise.all(nodeIds.map(async (nodeId) => ({ nodeId, ...(await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) })));
      for (const { nodeId, fonts } of used) {
        for (const font of fonts) {
          if (font.isCustomFont && font.familyName.startsWith('KaTeX')) continue;
          const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
          fallbacks.push(`${slug}: ${font.familyName} draws ${font.glyphCount} glyph(s) of ${outerHTML.slice(0, 160)}`);
        }
      }
      await page.close();
    }
    expect(probed).toBeGreaterThan(100);
    expect(fallbacks).toEqual([]);
    // Every math page of the book, on a busy machine: as long as the other every-page tests.
  }, 600_000);

  it('should lay out every formula of the book with the build’s cut of KaTeX’s stylesheet exactly as with the whole of it', async () => {
    const dir = inject('bookDir');
    const slugs = mathPages(dir);
    // The same site with the pages' cut of KaTeX's rules replaced by all of them, its font faces kept (they
    // name the build's subset fonts, which KaTeX's own stylesheet does not).
    const whole = katexStylesheet('/').replace(/@font-face\{[^}]*\}/g, '');
    // The site's security policy allows inline styles by hash (in each page and in `_headers`): each new
    // stylesheet's hash takes the place of the one it replaces.
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const hashes = new Map<string, string>();
    const edits: Record<string, (content: string) => string> = {};
    for (const slug of slugs) {
      const css = /<style data-katex>([^<]*)<\/style>/.exec(readFileSync(path.join(dir, slug, 'index.html'), 'utf8'))?.[1] ?? '';
      expect(css.length, slug).toBeLessThan(whole.length / 2);
      const replaced = `${(css.match(/@font-face\{[^}]*\}/g) ?? []).join('')}${whole}`;
      hashes.set(hash(css), hash(replaced));
      edits[`${slug}index.html`] = (html) => html.replace(`<style data-katex>${css}</style>`, () => `<style data-katex>${replaced}</style>`).replace(hash(css), hash(replaced));
    }
    edits['_headers'] = (headers) => {
      expect([...hashes.keys()].every((old) => headers.includes(old))).toBe(true);
      return headers.replace("style-src-elem 'self'", () => `style-src-elem 'self' ${[...hashes.values()].join(' ')}`);
    };
    const full = await sites.serve(tamperedSite(dir, edits));
    let compared = 0;
    for (const slug of slugs) {
      const pruned = await formulaBoxes(session.book.url(slug));
      expect(await formulaBoxes(full.url(slug)), slug).toEqual(pruned);
      compared += pruned.length / 5;
    }
    // Thousands of boxes, from every math page.
    expect(compared).toBeGreaterThan(10_000);
  }, 600_000);
});

