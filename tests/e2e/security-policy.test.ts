/**
 * Security-headers gate: every page of the static output carries a Content-Security-Policy that allows
 * scripts only from the site itself or inline by hash, and no other origin for anything; `_headers`
 * sends the same policy for hosts that read it (allowing every page's inline styles, where a page's
 * `<meta>` allows its own); and the site works under it: Chromium, with the
 * policy enforced from both the `<meta>` tag and the header, reports no violation on any page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';
import { builtPages } from '../support/built-pages.js';
import { visitPage } from '../support/page-visit.js';
import { staticSites } from '../support/static-server.js';
import { tamperedSite } from '../support/tampered-site.js';

const session = useBrowserSession();
const sites = staticSites();

afterAll(async () => {
  await sites.closeAll();
});

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

function metaPolicy(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('Content-Security-Policy', () => {
  it('should be the first thing after the charset in every page, and allow no other origin', () => {
    const dir = inject('bookDir');
    const pages = builtPages(dir);
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const html = readFileSync(path.join(dir, page.file), 'utf8');
      const policy = metaPolicy(html);
      expect(policy, page.file).toBeDefined();
      // Nothing that loads or runs comes before it.
      const head = html.slice(html.indexOf('<head'), html.indexOf('<meta http-equiv="Content-Security-Policy"'));
      expect(head, page.file).not.toMatch(/<script|<link|<style/);
      const rules = directives(policy as string);
      expect(rules.get('default-src'), page.file).toEqual(["'self'"]);
      const scripts = rules.get('script-src') ?? [];
      expect(scripts, page.file).toContain("'self'");
      expect(scripts, page.file).not.toContain("'unsafe-inline'");
      expect(scripts, page.file).not.toContain("'unsafe-eval'");
      expect(rules.get('script-src-attr'), page.file).toEqual(["'none'"]);
      expect(rules.get('object-src'), page.file).toEqual(["'none'"]);
      // Every source of every directive is the site itself, a hash, data: (images) or a keyword.
      for (const [name, values] of rules) {
        for (const value of values) expect(value, `${page.file}: ${name}`).toMatch(/^('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/=]+'|data:)$/);
      }
      // Inline scripts are allowed only by hash; styles in attributes only (KaTeX).
      for (const [name, values] of rules) if (values.includes("'unsafe-inline'")) expect(['style-src', 'style-src-attr'], name).toContain(name);
    }
  });

  it('should be sent as a header too, by a _headers file, with the directives only a header can carry', () => {
    const dir = inject('bookDir');
    const headers = readFileSync(path.join(dir, '_headers'), 'utf8');
    const policy = /^\s+Content-Security-Policy: (.*)$/m.exec(headers)?.[1];
    expect(/^\/\*$/m.test(headers)).toBe(true);
    expect(policy).toBeDefined();
    const header = directives(policy as string);
    // A page's `<meta>` allows its own inline styles, the header every page's; all else is the same.
    const allowedStyles = new Set<string>();
    for (const page of builtPages(dir)) {
      const html = readFileSync(path.join(dir, page.file), 'utf8');
      const meta = directives(metaPolicy(html) as string);
      for (const [name, values] of meta) if (name !== 'style-src-elem') expect(header.get(name), `${page.file}: ${name}`).toEqual(values);
      const styles = meta.get('style-src-elem') ?? [];
      for (const style of styles) allowedStyles.add(style);
      // Exactly the page's own: one hash per distinct inline stylesheet of the page.
      expect(styles.length - 1, page.file).toBe(new Set([...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1])).size);
    }
    expect(header.get('style-src-elem')?.sort()).toEqual([...allowedStyles].sort());
    // The pages do differ: math pages and widget pages carry stylesheets other pages do not.
    expect(allowedStyles.size).toBeGreaterThan(3);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    expect(headers).toMatch(/^\s+Referrer-Policy: no-referrer$/m);
  });

  it('should report no violation on any page, with the policy enforced from the meta tag and the header', async () => {
    const dir = inject('bookDir');
    const site = await sites.serve(dir);
    const problems: string[] = [];
    for (const page of builtPages(dir)) {
      const context = await session.browser.newContext();
      const visit = await visitPage(context, site.url(page.url));
      for (const violation of visit.violations) problems.push(`/${page.url}: ${violation}`);
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('should let the scripts do their work under the policy: theme, search (WebAssembly), previews', async () => {
    const site = await sites.serve(inject('bookDir'));
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(site.url('search/?q=fairness'));
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    // The inline theme script ran (by its hash) and the bundled search ran Pagefind's WebAssembly.
    expect(await page.locator('html').getAttribute('data-theme')).toMatch(/^(light|dark)$/);
    await expect.poll(() => page.locator('.search-result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.goto(site.url('generative-ai/'));
    await page.locator('[data-theme-toggle]').click();
    await page.locator('a.citation-link[data-cite-key]').first().hover();
    await expect.poll(() => page.locator('#reference-preview').isVisible()).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('should work when the book is opened from a folder (file://)', async () => {
    const context = await session.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(pathToFileURL(path.join(inject('bookDir'), 'generative-ai/index.html')).href);
    // The inline theme script ran: its hash matches under the policy on file:// too.
    expect(await page.locator('html').getAttribute('data-theme')).toMatch(/^(light|dark)$/);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('should catch an inline script the policy does not allow, naming the page', async () => {
    const dir = tamperedSite(inject('bookDir'), {
      'bibliography/index.html': (html) => html.replace('</main>', '<script>document.title = "injected";</script></main>'),
    });
    const site = await sites.serve(dir);
    const context = await session.browser.newContext();
    const visit = await visitPage(context, site.url('bibliography/'));
    await context.close();
    expect(visit.violations.length).toBeGreaterThan(0);
    expect(visit.violations.join('\n')).toMatch(/script-src|inline/);
    expect(visit.url).toContain('/bibliography/');
  });
});
