/**
 * Links that never break, on the built book: the previous edition's URLs (`content/<id>.html`) land on
 * their chapters in Chromium — keeping an old `#fragment` the chapter still has — at `/` and under a
 * sub-path, with and without JavaScript; and no internal link or fragment of either build is broken.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkBuiltLinks, formatBrokenLink } from '../../src/integrations/link-check.js';
import { useBrowserSession } from '../support/browser-session.js';
import { SUB_PATH } from '../support/build-sites.js';

const session = useBrowserSession('book', 'subPath');

/** Open `url` and return where the browser ends up, once it has settled on a page of the book. */
async function landing(url: string, { javaScript = true } = {}): Promise<{ url: string; heading: string }> {
  const context = await session.browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForURL((current) => !current.pathname.includes('/content/'), { timeout: 10_000 });
  await page.waitForLoadState('load');
  const heading = (await page.locator('main h1').first().textContent())?.trim() ?? '';
  const result = { url: page.url(), heading };
  await context.close();
  return result;
}

describe('the previous edition’s URLs', () => {
  for (const [name, site] of [['at /', () => session.book], [`under ${SUB_PATH}`, () => session.subPath]] as const) {
    it(`should land on the chapter and keep a fragment it still has (${name})`, async () => {
      // The heading id exists in the generative-AI chapter: the old link lands on that section.
      const kept = await landing(site().url('content/4-1-GenAI.html#genai-and-fairness'));
      expect(kept.url).toBe(site().url('generative-ai/#genai-and-fairness'));
      expect(kept.heading).toBe('Responsible AI in the Age of Generative AI');
    });

    it(`should land on the chapter without a fragment it no longer has (${name})`, async () => {
      const dropped = await landing(site().url('content/1-3-mitigation.html#some-old-fragment'));
      expect(dropped.url).toBe(site().url('mitigating-bias/'));
    });

    it(`should send the bibliography, the resources and the chapters of Parts 2 and 3 to their pages (${name})`, async () => {
      expect((await landing(site().url('content/zbib.html'))).url).toBe(site().url('bibliography/'));
      expect((await landing(site().url('content/resources.html'))).url).toBe(site().url('resources/'));
      // Planned in the last edition's place until this one published them.
      expect((await landing(site().url('content/2-1-intro.html'))).url).toBe(site().url('interpretability/'));
      expect((await landing(site().url('content/3-2-mechanism.html'))).url).toBe(site().url('privacy-mechanisms/'));
    });

    it(`should redirect without JavaScript, through the meta refresh (${name})`, async () => {
      const plain = await landing(site().url('content/1-3-mitigation.html'), { javaScript: false });
      expect(plain.url).toBe(site().url('mitigating-bias/'));
    });
  }

  it('should be a static page with a meta refresh, a canonical link and a visible link below the base', async () => {
    const page = await session.browser.newPage();
    // Read the redirect page as served, without following it.
    const response = await page.request.get(session.subPath.url('content/4-1-GenAI.html'), { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    await page.setContent(await response.text());
    const refresh = await page.locator('meta[http-equiv="refresh"]').getAttribute('content');
    const target = /url=(.+)$/.exec(refresh ?? '')?.[1] ?? '';
    const resolve = (relative: string) => new URL(relative, session.subPath.url('content/4-1-GenAI.html')).href;
    expect(resolve(target)).toBe(session.subPath.url('generative-ai/'));
    expect(resolve((await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '')).toBe(session.subPath.url('generative-ai/'));
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    const link = page.getByRole('link', { name: 'Responsible AI in the Age of Generative AI' });
    expect(resolve((await link.getAttribute('href')) ?? '')).toBe(session.subPath.url('generative-ai/'));
    // Kept out of the book's search index.
    expect(await page.locator('[data-pagefind-body]').count()).toBe(0);
    // The anchors the script may keep are the chapter's own, read from the built chapter.
    const anchors = ((await page.locator('script[data-anchors]').getAttribute('data-anchors')) ?? '').split(' ');
    expect(anchors).toEqual(expect.arrayContaining(['genai-and-fairness', 'fig-agent-environment']));
    await page.close();
  });

  it('should keep the redirect pages at the old URLs in both builds', () => {
    for (const dir of [inject('bookDir'), inject('subPathDir')]) {
      const html = readFileSync(path.join(dir, 'content/4-1-GenAI.html'), 'utf8');
      expect(html).toContain('<meta http-equiv="refresh" content="0; url=../generative-ai/">');
    }
  });
});

describe('the link checker on the built book', () => {
  it('should find every internal link, asset and fragment resolved at /', () => {
    expect(checkBuiltLinks(inject('bookDir'), '/').map(formatBrokenLink)).toEqual([]);
  });

  it(`should find every internal link, asset and fragment resolved under ${SUB_PATH}`, () => {
    expect(checkBuiltLinks(inject('subPathDir'), SUB_PATH).map(formatBrokenLink)).toEqual([]);
  });
});
