/**
 * An interactive widget's stylesheet is inlined into the pages that show the widget, and only those
 * (src/interactive/styles.ts, src/markdown/page-stylesheets): no chapter links a stylesheet of every
 * widget's rules, and in Chromium each widget on each page is styled by its own rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBrowserSession } from '../support/browser-session.js';
import { builtPages } from '../support/built-pages.js';

const session = useBrowserSession('book');

/** The custom element of each widget stylesheet of the sources: the tag its first rule styles. */
function widgetTags(): string[] {
  const folder = path.join(process.cwd(), 'src', 'interactive');
  const sheets = (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.css'));
  return sheets.map((file) => /^([a-z]+(?:-[a-z]+)+) \{/m.exec(readFileSync(path.join(folder, file), 'utf8'))?.[1] ?? file);
}

describe('widget stylesheets', () => {
  it('should be inlined into exactly the pages that show the widget, and into no shared stylesheet', () => {
    const dir = inject('bookDir');
    const tags = widgetTags();
    expect(tags.length).toBeGreaterThanOrEqual(7);
    let shown = 0;
    for (const page of builtPages(dir).filter((candidate) => !candidate.redirect)) {
      const html = readFileSync(path.join(dir, page.file), 'utf8');
      const onPage = tags.filter((tag) => html.includes(`<${tag}`));
      const styles = [...html.matchAll(/<style data-widget-style>([\s\S]*?)<\/style>/g)].map((match) => match[1] as string);
      // One stylesheet per widget shown, each styling that widget's element first.
      expect(styles.map((css) => tags.find((tag) => css.startsWith(`${tag}{`)) ?? css.slice(0, 40)).sort(), page.file).toEqual(onPage.sort());
      // In the head, where a stylesheet belongs, before the body it styles.
      for (const css of styles) expect(html.indexOf(css), page.file).toBeLessThan(html.indexOf('</head>'));
      shown += onPage.length;
    }
    // Every widget of the sources is shown somewhere in the book.
    expect(shown).toBeGreaterThanOrEqual(tags.length);
    // The linked stylesheets, which every page of a kind loads, hold no widget's rules.
    const linked = readdirSync(path.join(dir, '_astro')).filter((file) => file.endsWith('.css'));
    expect(linked.length).toBeGreaterThan(0);
    for (const file of linked) {
      const css = readFileSync(path.join(dir, '_astro', file), 'utf8');
      for (const tag of tags) expect(css, `${file} styles ${tag}`).not.toMatch(new RegExp(`(^|[},])${tag}[{ ,.:\\[>]`));
    }
  });

  it('should style every widget on its page with its own rules', async () => {
    const dir = inject('bookDir');
    const tags = widgetTags();
    const pages = builtPages(dir).filter((page) => !page.redirect && tags.some((tag) => readFileSync(path.join(dir, page.file), 'utf8').includes(`<${tag}`)));
    expect(pages.length).toBeGreaterThan(3);
    const unstyled: string[] = [];
    let checked = 0;
    for (const { url } of pages) {
      const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(session.book.url(url));
      // A custom element is inline and borderless until its stylesheet says otherwise.
      const found = await page.evaluate((names) => names.flatMap((name) => [...document.querySelectorAll(name)].map((element) => ({ name, display: getComputedStyle(element).display, border: getComputedStyle(element).borderTopStyle }))), tags);
      for (const widget of found) if (widget.display !== 'block' || widget.border !== 'solid') unstyled.push(`/${url}: ${widget.name} is ${widget.display}, border ${widget.border}`);
      checked += found.length;
      await page.close();
    }
    expect(checked).toBeGreaterThanOrEqual(tags.length);
    expect(unstyled).toEqual([]);
  }, 120_000);
});
