/**
 * Load one page in Chromium the way a reader's first visit does (no interaction, until the network is
 * idle) and record what the quality gates look at: every request with its transferred size, requests
 * to other hosts, cookies, and Content-Security-Policy violations.
 */
import type { BrowserContext, Request } from 'playwright-core';

export interface LoadedResource {
  url: string;
  /** Playwright's resource type: document, stylesheet, script, image, font, fetch… */
  type: string;
  /** Bytes of the response body as transferred (compressed when the server compressed it). */
  bytes: number;
}

export interface PageVisit {
  url: string;
  resources: LoadedResource[];
  /**
   * URLs of any origin other than the page's own that the page asked for: requests made, and loads the
   * Content-Security-Policy blocked before they became requests (data: URLs are not requests).
   */
  foreign: string[];
  cookies: string[];
  /** CSP violations, from the page's `securitypolicyviolation` events and Chromium's console. */
  violations: string[];
  /** How many elements match each selector asked for. */
  counts: Record<string, number>;
}

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Visit `url` in a new tab of `context`; count the elements matching `selectors` once loaded. */
export async function visitPage(context: BrowserContext, url: string, selectors: readonly string[] = []): Promise<PageVisit> {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const requests: Request[] = [];
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) return;
    requests.push(request);
    if (new URL(request.url()).origin !== origin) foreign.push(request.url());
  });
  // A redirect stub navigates away before its events could be read: the console keeps them.
  page.on('console', (message) => {
    if (!/Content Security Policy/i.test(message.text())) return;
    violations.push(message.text());
    for (const [, blocked] of message.text().matchAll(/'(https?:\/\/[^']+)'/g)) if (blocked && new URL(blocked).origin !== origin) foreign.push(blocked);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  violations.push(...((await page.evaluate(() => window.__cspViolations ?? []).catch(() => [])) as string[]));
  const counts: Record<string, number> = {};
  for (const selector of selectors) counts[selector] = await page.locator(selector).count();
  const resources: LoadedResource[] = [];
  for (const request of requests) {
    const response = await request.response();
    if (!response) continue;
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
    resources.push({ url: request.url(), type: request.resourceType(), bytes: sizes.responseBodySize });
  }
  const cookies = (await context.cookies()).map((cookie) => `${cookie.name} (${cookie.domain})`);
  await page.close();
  return { url, resources, cookies, foreign: [...new Set(foreign)], violations: [...new Set(violations)], counts };
}
