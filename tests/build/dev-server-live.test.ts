/**
 * The dev server picks up every save without a restart and shows the book's content problems in the
 * page. One real `astro dev` process over a temporary copy of the sample book, edited as an author
 * would while it runs; the page is read over HTTP and, for the banner, in Chromium.
 */
import { appendFileSync, cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, astroDev, type DevServer, fixture } from '../support/astro-build.js';
import { launchBrowser } from '../support/browser.js';
import { makeTempDir } from '../support/temp-dir.js';

interface Problem {
  file: string;
  line?: number;
  column?: number;
  severity: string;
  ruleId?: string;
  message: string;
}

let server: DevServer;
let browser: Browser;
let root: string;
const file = (relative: string) => path.join(root, relative);
const page = async (url: string) => {
  const response = await fetch(new URL(url, server.url));
  return { status: response.status, html: await response.text() };
};
const problems = async () => ((await (await fetch(new URL('__book/problems.json', server.url))).json()) as { problems: Problem[] }).problems;
const SLOW = { timeout: 90_000, interval: 500 };

beforeAll(async () => {
  root = makeTempDir('book-dev-live-');
  cpSync(fixture('sample-book'), root, { recursive: true });
  // Without its planned chapter (a warning), so that fixing the last problem leaves the book without any.
  const structure = path.join(root, 'content/book.yaml');
  writeFileSync(structure, readFileSync(structure, 'utf8').replace(/^.*planned: true.*\n/m, ''));
  [server, browser] = await Promise.all([astroDev({ bookRoot: root }), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await Promise.all([server?.stop(), browser?.close()]);
});

describe('the dev server picks up saves without a restart', () => {
  it('should serve an edit of a chapter', async () => {
    expect((await page('math-in-mdx/')).html).toContain('The empirical risk');
    const chapter = file('content/part-one/s-1-math.mdx');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace('The empirical risk', 'The average loss'));
    await expect.poll(async () => (await page('math-in-mdx/')).html, SLOW).toContain('The average loss');
  });

  it('should serve and list a chapter added while it runs, follow its renaming and drop it when deleted', async () => {
    writeFileSync(
      file('content/part-one/s-4-added.mdx'),
      '---\nid: s-4-added\ntitle: An Added Chapter\nslug: an-added-chapter\ndescription: Written while the server runs.\n---\n\nText of the added chapter.\n',
    );
    const structure = file('content/book.yaml');
    writeFileSync(structure, readFileSync(structure, 'utf8').replace('      - s-2-markdown\n', '      - s-2-markdown\n      - s-4-added\n'));
    await expect.poll(async () => (await page('an-added-chapter/')).html, SLOW).toContain('Text of the added chapter.');
    // Listed in the contents of every page, with its number.
    await expect.poll(async () => (await page('')).html, SLOW).toMatch(/href="\/an-added-chapter\/"[^>]*>[\s\S]{0,200}An Added Chapter/);

    // Renamed, then edited under its new name: the page shows the edit only once the server reads the
    // chapter from its new file (the old text alone could be a page the server still holds). Deleting it
    // right after a rename the server has not yet followed is another case, not this test's.
    renameSync(file('content/part-one/s-4-added.mdx'), file('content/part-one/s-4-moved.mdx'));
    const moved = file('content/part-one/s-4-moved.mdx');
    writeFileSync(moved, readFileSync(moved, 'utf8').replace('Text of the added chapter.', 'Text of the moved chapter.'));
    await expect.poll(async () => (await page('an-added-chapter/')).html, SLOW).toContain('Text of the moved chapter.');

    // Renamed again, its text unchanged (as `git mv` does): Astro's loader keeps an unchanged entry
    // with the file it was read from, which is gone; the page must follow the new file and stay served.
    // (For a moment after the rename the page fails: its old file is gone. Served for three seconds in a
    // row: by then the server has long seen the rename; before the fix the page failed from then on.)
    renameSync(moved, file('content/part-one/s-4-again.mdx'));
    const servedForThreeSeconds = async () => {
      for (let check = 0; check < 6; check++) {
        const { status, html } = await page('an-added-chapter/');
        if (status !== 200 || !html.includes('Text of the moved chapter.')) return false;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return true;
    };
    await expect.poll(servedForThreeSeconds, SLOW).toBe(true);

    rmSync(file('content/part-one/s-4-again.mdx'));
    writeFileSync(structure, readFileSync(structure, 'utf8').replace('      - s-4-added\n', ''));
    // Not found as soon as the book drops it; meanwhile the old page or not-found, never a server error
    // (the collection follows the book a moment after the model does).
    const seen = new Set<number>();
    await expect
      .poll(async () => {
        const { status } = await page('an-added-chapter/');
        seen.add(status);
        return status;
      }, { ...SLOW, interval: 50 })
      .toBe(404);
    expect([...seen].filter((status) => status !== 200 && status !== 404), server.output().slice(-3000)).toEqual([]);
  });
});

describe('another Astro process in the same project', () => {
  it('should keep serving every chapter after a build run from the project meanwhile', async () => {
    expect((await page('math-in-markdown/')).html).toContain('See <a');
    // Astro writes the map of the dev server's compiled chapters to the project's .astro/ folder, and
    // so does a build of another book from the same project (a test, `npm run export`), with its own.
    const build = await astroBuild({ bookRoot: fixture('sample-book') });
    expect(build.code, build.output.slice(-2000)).toBe(0);
    await expect.poll(async () => (await page('math-in-markdown/')).html, SLOW).toContain('See <a');
    await expect.poll(async () => (await page('math-in-mdx/')).html, SLOW).toContain('over <span class="katex"');
  });
});

describe('content problems in the browser', () => {
  it('should list the positioned problems of a page with an unknown key in a banner that links to their place', async () => {
    // A `.md` chapter: Astro renders its body without the frontmatter, the banner must still name the file's own line.
    const chapter = file('content/part-one/s-2-markdown.md');
    const source = readFileSync(chapter, 'utf8').replace('See {doc}`s-1-math`.', 'See {doc}`s-1-math` and {cite:t}`nosuchkey2024`.');
    writeFileSync(chapter, source);
    const line = source.split('\n').findIndex((text) => text.includes('nosuchkey2024')) + 1;
    const column = (source.split('\n')[line - 1] ?? '').indexOf('{cite:t}') + 1;
    const where = `content/part-one/s-2-markdown.md:${line}:${column}`;
    await expect.poll(async () => (await problems()).map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.ruleId}`), SLOW).toContain(`${where} citation-key-exists`);
    // The placeholder stays in the text, with the anchor the banner links to just before it.
    await expect.poll(async () => (await page('math-in-markdown/')).html, SLOW).toContain(`data-book-problem="${where}"`);
    expect((await page('math-in-markdown/')).html).toContain('[nosuchkey2024?]');

    const tab = await browser.newPage();
    try {
      await tab.goto(new URL('math-in-markdown/', server.url).href);
      const banner = tab.locator('.book-problems');
      await expect.poll(() => banner.count(), SLOW).toBe(1);
      const item = banner.locator('li', { hasText: where });
      expect(await item.textContent()).toMatch(/error\s+Unknown citation key `nosuchkey2024`.*\[citation-key-exists\]/);
      const link = item.locator('a');
      expect(await link.getAttribute('href')).toBe(`#book-problem-${line}-${column}`);
      // The link lands on the placeholder's place. Clicked again until it does: a reload the server asked
      // for after an earlier save can still replace the page meanwhile.
      await expect
        .poll(async () => {
          await link.click();
          return tab.evaluate(() => document.querySelector(':target + *')?.textContent);
        }, SLOW)
        .toContain('nosuchkey2024');
      // Dismissible.
      await banner.getByRole('button', { name: 'Hide' }).click();
      expect(await banner.count()).toBe(0);
    } finally {
      await tab.close();
    }
    writeFileSync(chapter, source.replace(' and {cite:t}`nosuchkey2024`', ''));
    await expect.poll(async () => (await problems()).length, SLOW).toBe(0);
  });

  it('should show a broken .bib in the banner of every page, and clear it once the .bib is fixed', async () => {
    const bib = file('bib/references.bib');
    const good = readFileSync(bib, 'utf8');
    appendFileSync(bib, '\n@article{broken2020,\n  title = {An entry whose brace is never closed,\n  author = {Doe, Jane},\n  year = {2020}\n}\n');
    const line = good.split('\n').length + 1;
    const tab = await browser.newPage();
    try {
      await tab.goto(new URL('math-in-mdx/', server.url).href);
      const item = tab.locator('.book-problems li', { hasText: `bib/references.bib:${line}:1` });
      await expect.poll(() => item.count(), SLOW).toBe(1);
      expect(await item.textContent()).toContain('[bibliography-parses]');
      // Fixed: the banner goes by itself (the page gets the new list, or is reloaded), no reload by hand.
      writeFileSync(bib, good);
      await expect.poll(() => tab.evaluate(() => document.documentElement.dataset.bookProblems), SLOW).toBe('0');
      expect(await tab.locator('.book-problems').count()).toBe(0);
    } finally {
      await tab.close();
    }
    // Two waits of up to 90 s each: a .bib change makes the server reload the whole book, slow on a busy machine.
  }, 300_000);

  it('should show an MDX expression that throws in place of the chapter and in the banner, at its place, and recover once it is fixed', async () => {
    const chapter = file('content/part-one/s-1-math.mdx');
    const good = readFileSync(chapter, 'utf8');
    // Two that throw: both are reported (the render goes on after the first).
    const source = good.replace('still works: {1 + 1}.', 'still works: {1 + 1}. Rows: {[1, 2].at(7).toFixed(2)}. Keys: {Object.keys(props.none).length}.');
    expect(source).not.toBe(good);
    writeFileSync(chapter, source);
    const line = source.split('\n').findIndex((text) => text.includes('Rows:')) + 1;
    const column = (source.split('\n')[line - 1] ?? '').indexOf('{[1, 2]') + 1;
    const where = `content/part-one/s-1-math.mdx:${line}:${column}`;
    const second = `content/part-one/s-1-math.mdx:${line}:${(source.split('\n')[line - 1] ?? '').indexOf('{Object.keys') + 1}`;
    // A whole page, not one cut where the expression stood: the problem in place of the chapter's text, then the rest.
    await expect.poll(async () => (await page('math-in-mdx/')).html, SLOW).toContain(`data-book-problem="${where}"`);
    const { status, html } = await page('math-in-mdx/');
    expect(status).toBe(200);
    expect(html).toMatch(/This chapter could not be rendered\.[\s\S]*TypeError: Cannot read properties of undefined/);
    expect(html).toContain(`data-book-problem="${second}"`);
    expect(html).toContain('</html>');
    const tab = await browser.newPage();
    try {
      await tab.goto(new URL('math-in-mdx/', server.url).href);
      const item = tab.locator('.book-problems li', { hasText: where });
      await expect.poll(() => item.count(), SLOW).toBe(1);
      expect(await tab.locator('.book-problems li', { hasText: second }).count()).toBe(1);
      expect(await item.textContent()).toMatch(/error\s+This expression threw when the page was rendered: TypeError.*\[chapter-renders\]/);
      // Clicked again until it lands: a reload the server asked for after the .bib's fix (the test
      // before) can still replace the page meanwhile.
      await expect
        .poll(async () => {
          await item.locator('a').click();
          return tab.evaluate(() => document.querySelector(':target')?.closest('[role]')?.getAttribute('role'));
        }, SLOW)
        .toBe('alert');
    } finally {
      await tab.close();
    }
    writeFileSync(chapter, good);
    await expect.poll(async () => (await page('math-in-mdx/')).html, SLOW).not.toContain('data-book-render-problem');
    expect((await page('math-in-mdx/')).html).toContain('still works: 2.');
  });
});
