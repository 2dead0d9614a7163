/**
 * The browser tests' shared set-up, one call per test file: serve the built sites the file needs (the
 * global setup built them once for the run) and launch Chromium, before the file's first test, and
 * close them all after its last. The fields are filled in then: read them inside tests and hooks.
 *
 *     const session = useBrowserSession('book', 'subPath');
 *     it('…', async () => { const page = await session.browser.newPage(); await page.goto(session.book.url('framework/')); });
 */
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.js';
import { SUB_PATH } from './build-sites.js';
import { type StaticSite, serveStatic } from './static-server.js';

/** The sites the global setup builds: the book, the book under a sub-path, the small sample book, the notebook book, the MyST book. */
export type BuiltSiteName = 'book' | 'subPath' | 'sample' | 'notebook' | 'myst';

export interface BrowserSession {
  readonly browser: Browser;
  readonly book: StaticSite;
  readonly subPath: StaticSite;
  readonly sample: StaticSite;
  readonly notebook: StaticSite;
  readonly myst: StaticSite;
}

const serve: Record<BuiltSiteName, () => Promise<StaticSite>> = {
  book: () => serveStatic(inject('bookDir')),
  subPath: () => serveStatic(inject('subPathDir'), SUB_PATH),
  sample: () => serveStatic(inject('sampleDir')),
  notebook: () => serveStatic(inject('notebookDir')),
  myst: () => serveStatic(inject('mystDir')),
};

export interface SessionOptions {
  /**
   * The book's service worker saves the whole book (~90 files) in the background after a page loads.
   * Blocked by default: the every-page gates open hundreds of fresh contexts, and each would start a
   * full save. The offline-reading tests allow it.
   */
  serviceWorkers?: 'allow' | 'block';
}

/** `browser`, whose new contexts and pages block service workers unless the test asks for them. */
function blockingServiceWorkers(browser: Browser): Browser {
  return new Proxy(browser, {
    get(target, property) {
      if (property === 'newContext' || property === 'newPage') {
        return (options: BrowserContextOptions = {}) => target[property]({ serviceWorkers: 'block', ...options });
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Serve `sites` (none, for a file that serves its own) and launch Chromium for the tests of the calling
 * file; an options object among them may allow service workers.
 */
export function useBrowserSession(...args: (BuiltSiteName | SessionOptions)[]): BrowserSession {
  const sites = args.filter((arg): arg is BuiltSiteName => typeof arg === 'string');
  const options = args.find((arg): arg is SessionOptions => typeof arg === 'object') ?? {};
  const served: Partial<Record<BuiltSiteName, StaticSite>> = {};
  let browser: Browser | undefined;
  beforeAll(async () => {
    for (const name of sites) served[name] = await serve[name]();
    const launched = await launchBrowser();
    browser = options.serviceWorkers === 'allow' ? launched : blockingServiceWorkers(launched);
  });
  afterAll(async () => {
    await browser?.close();
    for (const site of Object.values(served)) await site.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: pass it to useBrowserSession(…) and use it inside a test or hook`);
    return value;
  };
  return {
    get browser() {
      return ready(browser, 'The browser');
    },
    get book() {
      return ready(served.book, 'The book’s site');
    },
    get subPath() {
      return ready(served.subPath, 'The sub-path build');
    },
    get sample() {
      return ready(served.sample, 'The sample book');
    },
    get notebook() {
      return ready(served.notebook, 'The notebook book (E2E_SITES=…,notebook)');
    },
    get myst() {
      return ready(served.myst, 'The MyST book (E2E_SITES=…,myst)');
    },
  };
}
