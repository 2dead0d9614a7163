/**
 * `npm run import` end to end: the fixture Jupyter Book (tests/fixtures/jupyter-book-import) is
 * imported by the real command into a new book folder, that folder is built by a real `astro build`
 * (BOOK_ROOT), and Chromium checks what a reader of the imported book sees. The command's refusals
 * and errors on bad input are run for real too, each on its own copy.
 */
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, fixture, projectRoot } from '../support/astro-build.js';
import { useBrowserSession } from '../support/browser-session.js';
import { type StaticSite, serveStatic } from '../support/static-server.js';
import { makeTempDir } from '../support/temp-dir.js';

const book = fixture('jupyter-book-import');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `npm run import -- …` as an author would (tsx on the pinned Node, from the project). */
function runImport(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/import.ts', ...args], { cwd: projectRoot, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A copy of the fixture book to break on purpose. */
function brokenCopy(file: string, edit: (text: string) => string): string {
  const copy = path.join(makeTempDir('jb-broken-'), 'book');
  cpSync(book, copy, { recursive: true });
  writeFileSync(path.join(copy, file), edit(readFileSync(path.join(copy, file), 'utf8')));
  return copy;
}

const target = path.join(makeTempDir('jb-import-'), 'book');
let imported: Run;

beforeAll(async () => {
  imported = await runImport(book, '--into', target);
}, 60_000);

describe('npm run import (the command)', () => {
  it('should import the fixture book and print the summary', () => {
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    for (const line of [
      'parts: 2',
      'chapters: 5 (1 notebook)',
      'notebook outputs: 5 (1 image)',
      'images copied: 1',
      'citations: 5 of 4 works; bibliography: 4 entries',
      'old URLs redirected: 5',
      'unresolved items: 3 (see import-report.md)',
    ]) {
      expect(imported.stdout).toContain(`  ${line}\n`);
    }
  });

  it('should list the unsupported constructs with file:line, on screen and in import-report.md', () => {
    expect(imported.stdout).toContain('content/2-1-model-cards.md:6  directive `{glue:figure}`: kept visibly');
    expect(imported.stdout).toContain('content/2-1-model-cards.md:11  role `{glue:text}`: kept visibly');
    const report = readFileSync(path.join(target, 'import-report.md'), 'utf8');
    expect(report).toContain('| `content/2-1-model-cards.md:6` | directive `{glue:figure}` |');
    expect(report).toContain('| `content/1-2-audit-notebook.ipynb, cell 6` | an output that runs a script |');
  });

  it('should refuse to overwrite an edited chapter when run again, naming it, and overwrite it with --force', async () => {
    const again = path.join(makeTempDir('jb-again-'), 'book');
    expect((await runImport(book, '--into', again)).code).toBe(0);
    const chapter = path.join(again, 'content/2-documentation/2-2-datasheets.md');
    writeFileSync(chapter, `${readFileSync(chapter, 'utf8')}\nMy own paragraph.\n`);
    const refused = await runImport(book, '--into', again);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('content/2-documentation/2-2-datasheets.md  (edited since the last import)');
    expect(refused.stderr).toContain('run again with --force');
    expect(readFileSync(chapter, 'utf8')).toContain('My own paragraph.');
    const forced = await runImport(book, '--into', again, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('overwritten (--force): content/2-documentation/2-2-datasheets.md');
    expect(readFileSync(chapter, 'utf8')).not.toContain('My own paragraph.');
  });

  it('should stop on a malformed _toc.yml, naming the file and line, and write nothing', async () => {
    const copy = brokenCopy('_toc.yml', (text) => text.replace('      - file: content/1-2-audit-notebook', '     - file: content/1-2-audit-notebook'));
    const into = path.join(makeTempDir('jb-bad-'), 'book');
    const run = await runImport(copy, '--into', into);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Import failed: _toc\.yml:10:\d+: invalid YAML/);
    expect(() => readFileSync(path.join(into, 'content/book.yaml'))).toThrow();
  });

  it('should stop on a notebook that is not JSON, naming it', async () => {
    const copy = brokenCopy('content/1-2-audit-notebook.ipynb', (text) => text.slice(0, 200));
    const run = await runImport(copy, '--into', path.join(makeTempDir('jb-bad-'), 'book'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Import failed: content\/1-2-audit-notebook\.ipynb(:\d+:\d+)?: not a notebook: the file is not valid JSON/);
  });

  it('should stop on a toc entry whose file is missing, naming the toc line', async () => {
    const copy = brokenCopy('_toc.yml', (text) => text.replace('content/2-2-datasheets', 'content/2-3-missing'));
    const run = await runImport(copy, '--into', path.join(makeTempDir('jb-bad-'), 'book'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Import failed: _toc.yml:15: the toc names `content/2-3-missing`, but the book folder has no such file');
  });
});

// What a reader sees. Building the imported book needs the notebook chapters (helper "notebooks") and
// the MyST additions (helper "myst": titles from `# Heading`, default slugs, ids with capitals,
// admonition/dropdown, bare amsmath, footnotes, images beside chapters) merged with the importer.
describe('the imported book in Chromium', () => {
  const session = useBrowserSession();
  let site: StaticSite;
  let page: Page;
  let buildOutput = '';

  beforeAll(async () => {
    const build = await astroBuild({ bookRoot: target });
    buildOutput = build.output;
    if (build.code !== 0) throw new Error(`Building the imported book failed (exit ${build.code}):\n${build.output}`);
    site = await serveStatic(build.outDir);
    page = await session.browser.newPage();
  }, 600_000);
  afterAll(async () => {
    await page?.close();
    await site?.close();
  });

  /** Open a chapter from the contents, by its title, as a reader would. */
  async function openChapter(title: string): Promise<void> {
    await page.goto(site.url());
    await page.locator('#sidebar a', { hasText: title }).first().click();
    await page.waitForLoadState('load');
    expect(await page.locator('main h1').textContent()).toContain(title);
  }

  it('should build with one warning about the imported chapters: the notebook output that needs a script', () => {
    const warnings = buildOutput.split('\n').filter((line) => /\[(?:WARN|ERROR)\] \[book\] content\//.test(line));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/content\/1-auditing-models\/1-2-audit-notebook\.ipynb:\d+:\d+ +warning +Cell 6: .*script/);
  });

  it('should list the parts and chapters in the toc\'s order', async () => {
    await page.goto(site.url());
    const parts = await page.locator('#sidebar .sidebar-part').all();
    const shown = [];
    for (const part of parts) {
      shown.push([(await part.locator('.sidebar-part-title').textContent())?.replace(/^Part \d+\s*/, '').trim(), await part.locator('.sidebar-chapter a').allTextContents()]);
    }
    expect(shown.map(([title, chapters]) => [title, (chapters as string[]).map((text) => text.replace(/^[\d.]+\s*/, '').trim())])).toEqual([
      ['Auditing Models', ['About This Book', 'Auditing a Classifier', 'Auditing with a Notebook']],
      ['Documentation', ['Documenting Models', 'Documenting Datasets']],
    ]);
  });

  it('should show one title per page, taken from the chapter\'s # Heading', async () => {
    for (const title of ['About This Book', 'Auditing a Classifier', 'Auditing with a Notebook', 'Documenting Models', 'Documenting Datasets']) {
      await openChapter(title);
      expect(await page.locator('main h1').count()).toBe(1);
      expect(await page.locator('main :is(h2, h3, p)', { hasText: new RegExp(`^${title}$`) }).count()).toBe(0);
    }
  });

  it('should resolve the citations, with a References section', async () => {
    await openChapter('Auditing a Classifier');
    const body = (await page.locator('.chapter-body').textContent()) ?? '';
    expect(body).toContain('Buolamwini & Gebru, 2018');
    expect(body).toContain('Hardt et al. (2016)');
    expect(await page.locator('.role-placeholder').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'References' }).count()).toBe(1);
  });

  it('should land {doc} links on their chapters, also those written as paths', async () => {
    await openChapter('Auditing a Classifier');
    // A line that starts with a role continues its paragraph.
    expect(await page.locator('.chapter-body p', { hasText: 'The notebook in' }).textContent()).toContain('computes such rates from stored results');
    await page.locator('.chapter-body a', { hasText: 'Documenting Models' }).first().click();
    await page.waitForLoadState('load');
    expect(await page.locator('main h1').textContent()).toContain('Documenting Models');
    await openChapter('About This Book');
    await page.locator('.chapter-body a', { hasText: 'Auditing a Classifier' }).first().click();
    await page.waitForLoadState('load');
    expect(await page.locator('main h1').textContent()).toContain('Auditing a Classifier');
  });

  it('should show the dropdown admonition collapsed, its footnote listed', async () => {
    await openChapter('Auditing a Classifier');
    const dropdown = page.locator('details', { hasText: 'Before an audit' });
    expect(await dropdown.count()).toBe(1);
    expect(await dropdown.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await page.getByText('Agree on the groups to compare').isVisible()).toBe(false);
    const footnotes = page.locator('.chapter-body :is(section.footnotes, [data-footnotes])');
    expect(await footnotes.textContent()).toContain('Groups are often defined by attributes the system does not see');
  });

  it('should typeset the aligned equation with the book\'s macros, numbered, and reference it by number', async () => {
    await openChapter('Auditing a Classifier');
    const equation = page.locator('#eq-tpr-gap');
    expect(await equation.locator('.katex-display, .katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex-error').count()).toBe(0);
    // The macro \prob (from _config.yml) is typeset: the visible rendering shows P(…), not the command.
    const rendered = (await equation.locator('.katex-html').allTextContents()).join('');
    expect(rendered).toContain('P(');
    expect(rendered).not.toContain('prob');
    const reference = (await page.locator('.chapter-body a.xref[href$="#eq-tpr-gap"]').first().textContent())?.trim() ?? '';
    expect(reference).toMatch(/^\(1\.2\.\d+\)$/);
    expect(await equation.textContent()).toContain(reference);
  });

  it('should show the figure beside the chapter', async () => {
    await openChapter('Auditing a Classifier');
    const image = page.locator('figure#fig-audit-flow img');
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(120);
  });

  it('should show the notebook: text output, the DataFrame as a table, the PNG', async () => {
    await openChapter('Auditing with a Notebook');
    const body = page.locator('.chapter-body');
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('0.12');
    const table = body.locator('table');
    expect(await table.locator('thead th').allTextContents()).toEqual(['', 'group', 'selected', 'total', 'rate']);
    expect(await table.locator('tbody tr').count()).toBe(2);
    // No stray text: the DataFrame's <style scoped> block is not shown as text.
    expect(await body.innerText()).not.toMatch(/vertical-align|\.dataframe/);
    const png = body.locator('img[src*="png"], img[src^="data:image/png"]');
    expect(await png.count()).toBeGreaterThan(0);
    // Images may load lazily: bring it into view, then it has its pixels.
    await png.first().scrollIntoViewIfNeeded();
    await expect.poll(() => png.first().evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(120);
  });

  it('should drop removed input, collapse hidden input, and replace the script output with a warning', async () => {
    await openChapter('Auditing with a Notebook');
    const body = page.locator('.chapter-body');
    const visible = await body.innerText();
    // remove-input: the output stays, the code is gone.
    expect(visible).toContain('Sample: 200 stored decisions, 100 per group.');
    expect(await body.textContent()).not.toContain('print("Sample: 200');
    // hide-input: the code is there, folded.
    const hidden = body.locator('details', { hasText: 'plt.subplots' });
    expect(await hidden.count()).toBe(1);
    expect(await hidden.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    // The inline script is not on the page; a warning stands in its place.
    expect(await page.locator('script', { hasText: 'rate-chart' }).count()).toBe(0);
    expect(await page.evaluate(() => document.getElementById('rate-chart')?.textContent ?? null)).not.toBe('A: 0.42, B: 0.30');
    expect(await body.locator('[role="note"]', { hasText: /output/i }).count()).toBeGreaterThan(0);
  });

  it('should show the unsupported construct visibly, as the report says', async () => {
    await openChapter('Documenting Models');
    const warning = page.locator('.callout-warning', { hasText: 'Not converted: {glue:figure}' });
    expect(await warning.count()).toBe(1);
    expect(await warning.locator('pre').textContent()).toContain('```{glue:figure} audit_gap_chart');
    expect(await page.locator('.chapter-body code', { hasText: '{glue:text}`audit_gap_value`' }).count()).toBe(1);
  });

  it('should redirect each chapter\'s old Jupyter Book URL to its page', async () => {
    await page.goto(site.url('content/1-1-Audit.html'));
    await page.waitForURL((url) => !url.pathname.endsWith('.html'));
    expect(await page.locator('main h1').textContent()).toContain('Auditing a Classifier');
  });
});
