/**
 * Notebooks are chapters: a real `astro build` of the notebook fixture book (an .ipynb with every kind of
 * stored output, and a MyST text notebook), a build of broken notebooks that must fail naming each file
 * and cell, and the dev server showing a notebook with its image.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBuiltLinks, formatBrokenLink } from '../../src/integrations/link-check.js';
import { HTML_VALIDATE_CONFIG } from '../html-validate.config.js';
import { astroBuild, astroDev, type BuildResult, fixture } from '../support/astro-build.js';
import { makeTempDir } from '../support/temp-dir.js';

const NOTEBOOK = path.join(fixture('notebook-book'), 'content/notebooks/n-1-notebook.ipynb');

describe('a book with notebook chapters', () => {
  let build: BuildResult;
  let page: string;
  beforeAll(async () => {
    build = await astroBuild({ bookRoot: fixture('notebook-book') });
    page = existsSync(path.join(build.outDir, 'notebook-chapter/index.html')) ? readFileSync(path.join(build.outDir, 'notebook-chapter/index.html'), 'utf8') : '';
  }, 240_000);

  it('should build, warning at the cell whose output needs a script', () => {
    expect(build.code, build.output).toBe(0);
    expect(build.output).toMatch(/content\/notebooks\/n-1-notebook\.ipynb:\d+:\d+\s+warning\s+Cell 7: Output 1 needs a script to display \(text\/html with <script>\).*\[notebook-output\]/);
  });

  it('should warn once at the LaTeX raw cell it leaves out, where the file stores its text, and at the HTML raw cell that lost its script', () => {
    const latex = [...build.output.matchAll(/content\/notebooks\/n-1-notebook\.ipynb:(\d+):(\d+)\s+warning\s+Cell 19: A raw cell for LaTeX \(`text\/latex`\) is left out of the page: .*\[notebook-raw-cell\]/g)];
    expect(latex).toHaveLength(1);
    const [, line, column] = latex[0] ?? [];
    expect(readFileSync(NOTEBOOK, 'utf8').split('\n')[Number(line) - 1]?.slice(Number(column) - 1)).toMatch(/^\\\\newpage\\n",$/);
    expect(build.output).toMatch(/content\/notebooks\/n-1-notebook\.ipynb:\d+:\d+\s+warning\s+Cell 17: The raw HTML cell lost `<script>`.*\[notebook-raw-cell\]/);
  });

  it('should show the HTML raw cell without its script, and no trace of the LaTeX raw cell', () => {
    expect(page).toMatch(/<div class="nb-cell nb-cell-raw" data-cell="17">\s*<div class="nb-raw-html"><p class="data-note">Data note: <strong>every number in this chapter is invented<\/strong>\.<\/p><\/div>\s*<\/div>/);
    expect(page).not.toContain('raw cell script ran');
    expect(page).not.toContain('Printed appendix');
  });

  it('should render Markdown cells through the book pipeline (citations, math, headings)', () => {
    expect(page).toMatch(/<h2 id="approval-rates">Approval rates/);
    expect(page).toContain('Hardt et al., 2016</a>');
    expect(page).toMatch(/<span class="katex">/);
  });

  it('should highlight code cells in the kernel language', () => {
    expect(page).toMatch(/<pre class="astro-code[^"]*"[^>]*data-language="python"><code><span class="line"><span style="[^"]*">print<\/span>/);
  });

  it('should keep the DataFrame a whole table, its stylesheet applied to its cells', () => {
    const output = /<div class="nb-output nb-output-html"[^>]*><div><table class="dataframe">(.*?)<\/table><\/div><\/div>/.exec(page);
    expect(output).not.toBeNull();
    expect(output?.[1]?.match(/<tr/g)).toHaveLength(3);
    expect(output?.[1]).toContain('<th style="text-align: right">group</th>');
    // `th:only-of-type` is more specific than pandas' plain `th` rule, as in a browser.
    expect(output?.[1]).toContain('<th style="vertical-align: middle">0</th>');
    expect(page).not.toMatch(/<style>[^<]*dataframe/);
  });

  it('should write the PNG output as a fingerprinted file of the site', () => {
    const notebook = JSON.parse(readFileSync(NOTEBOOK, 'utf8')) as { cells: { outputs?: { data?: Record<string, string> }[] }[] };
    const png = Buffer.from(notebook.cells[3]?.outputs?.[0]?.data?.['image/png'] ?? '', 'base64');
    const name = `${createHash('sha256').update(png).digest('hex').slice(0, 16)}.png`;
    expect(page).toContain(`<img src="/_notebook/${name}" alt="Bar chart of the approval rate of four groups." width="160" height="100"`);
    expect(readFileSync(path.join(build.outDir, '_notebook', name))).toEqual(png);
  });

  it('should honour the cell tags', () => {
    expect(page).not.toContain('setup_secret'); // remove-input
    expect(page).toContain('setup done'); // …its output stays
    expect(page).toMatch(/<details class="nb-toggle nb-toggle-input"><summary>Show code<\/summary>\s*<pre class="astro-code[^>]*><code>.*hidden_helper/); // hide-input
    expect(page).not.toContain('dropped from stderr'); // remove-stderr
    expect(page).toContain('kept on stdout');
    expect(page).toMatch(/<details class="nb-toggle nb-toggle-output"><summary>Show output<\/summary>\s*<div class="nb-outputs">\s*<pre[^>]*>a long output, collapsed/); // hide-output
    expect(page).toMatch(/<details class="nb-toggle nb-toggle-cell"><summary>Show code cell<\/summary>\s*<pre class="astro-code[\s\S]*?everything_hidden[\s\S]*?cell collapsed<\/pre>\s*<\/div>\s*<\/details>/); // hide-cell
    expect(page).not.toContain('not_shown_at_all'); // remove-cell
    expect(page).not.toContain('removed output'); // remove-output
    // hide-cell on a Markdown cell: collapsed, its Markdown rendered.
    expect(page).toMatch(/<div class="nb-cell nb-cell-markdown" data-cell="18">\s*<details class="nb-toggle nb-toggle-text"><summary>Show text cell<\/summary>\s*<p>How the rate is computed: <strong>approved ÷ applicants<\/strong>/);
  });

  it('should show streams, errors without ANSI codes, LaTeX typeset, and no output script', () => {
    expect(page).toContain('<pre class="nb-output nb-output-stream nb-output-stderr">UserWarning: the solver did not converge</pre>');
    expect(page).toMatch(/<pre class="nb-output nb-output-error" data-ename="ZeroDivisionError">-+\nZeroDivisionError +Traceback/);
    expect(page).not.toContain('\u001b');
    expect(page).toMatch(/<span class="katex-display">.*<annotation encoding="application\/x-tex">\\displaystyle \\sqrt\{x\}/s);
    expect(page).toContain('<p class="nb-output-note" role="note">Interactive output: shown here as static text;');
    expect(page).not.toContain('drawn by a script');
  });

  it('should write valid HTML (the validity gate of the book, on both notebook pages)', async () => {
    const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);
    for (const slug of ['notebook-chapter', 'text-notebook']) {
      const report = await validator.validateString(readFileSync(path.join(build.outDir, slug, 'index.html'), 'utf8'), `${slug}/index.html`);
      expect(report.results.flatMap((result) => result.messages.map((message) => `${slug}:${message.line}:${message.column} ${message.ruleId} ${message.message}`))).toEqual([]);
    }
  });

  it('should leave no broken link or image (the link gate of the book)', () => {
    expect(checkBuiltLinks(build.outDir).map(formatBrokenLink)).toEqual([]);
  });

  it('should show the code cells of a MyST text notebook, highlighted, tags honoured', () => {
    const text = readFileSync(path.join(build.outDir, 'text-notebook/index.html'), 'utf8');
    expect(text).toMatch(/<div class="nb-cell nb-cell-code"><pre class="astro-code[^>]*data-language="python">/);
    expect(text).toMatch(/<details class="nb-toggle nb-toggle-input"><summary>Show code<\/summary><pre[^>]*>.*hidden_in_text_notebook/);
    expect(text).not.toContain('removed_from_text_notebook');
  });
});

describe('broken notebooks', () => {
  it('should fail the build, naming each file, and each problem of a cell with its cell and line', async () => {
    const root = makeTempDir('notebook-errors-');
    cpSync(fixture('notebook-book'), root, { recursive: true });
    const dir = path.join(root, 'content/notebooks');
    writeFileSync(path.join(dir, 'n-3-broken.ipynb'), '{\n "cells": [\n  {"cell_type": "markdown", "source": "x"}\n  {"cell_type": "code"}\n ]\n}\n');
    writeFileSync(path.join(dir, 'n-4-old.ipynb'), JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [] }, null, 1));
    const notebook = readFileSync(NOTEBOOK, 'utf8').replace('## Summary\\n', '## Summary\\n", "\\n", "Cited {cite:p}`nobody2020`.\\n');
    writeFileSync(path.join(dir, 'n-1-notebook.ipynb'), notebook);
    const { code, output } = await astroBuild({ bookRoot: root });
    expect(code).not.toBe(0);
    expect(output).toMatch(/content\/notebooks\/n-3-broken\.ipynb:4:3\s+error\s+The notebook is not valid JSON \(comma expected\).*\[notebook-valid\]/);
    expect(output).toMatch(/content\/notebooks\/n-4-old\.ipynb:\d+:\d+\s+error\s+The notebook is nbformat 3, and only nbformat 4 is read.*\[notebook-valid\]/);
    expect(output).toMatch(/content\/notebooks\/n-1-notebook\.ipynb:\d+:\d+\s+error\s+Cell 16, line 3: Unknown citation key `nobody2020`.*\[citation-key-exists\]/);
  });
});

describe('the dev server', () => {
  it('should show a notebook chapter and serve its image', async () => {
    const server = await astroDev({ bookRoot: fixture('notebook-book') });
    try {
      const response = await fetch(`${server.url}notebook-chapter/`);
      const html = await response.text();
      expect(response.status, server.output()).toBe(200);
      expect(html).toContain('<table class="dataframe">');
      const src = /<img src="(\/_notebook\/[0-9a-f]{16}\.png)"/.exec(html)?.[1];
      expect(src).toBeDefined();
      const image = await fetch(`${server.url}${src?.slice(1)}`);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString('ascii')).toBe('PNG');
    } finally {
      await server.stop();
    }
  });
});
