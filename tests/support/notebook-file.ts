/** Notebooks written as Jupyter saves them, for tests that read real `.ipynb` files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { makeTempDir } from './temp-dir.js';

/** A cell as a test writes it: its source as one string (stored as a list of lines). */
export interface TestCell {
  cell_type: string;
  source: string;
  metadata?: object;
  outputs?: object[];
}

/** Write `content/p/<name>` under `root` with one-space indent and each source a list of lines, as Jupyter does; return its path. */
export function writeNotebook(root: string, name: string, cells: TestCell[], metadata: object = {}): string {
  const file = path.join(root, 'content', 'p', name);
  mkdirSync(path.dirname(file), { recursive: true });
  const json = {
    cells: cells.map((cell) => ({ metadata: {}, ...(cell.cell_type === 'code' ? { outputs: [], execution_count: null } : {}), ...cell, source: cell.source.split(/(?<=\n)/) })),
    metadata,
    nbformat: 4,
    nbformat_minor: 5,
  };
  writeFileSync(file, JSON.stringify(json, null, 1));
  return file;
}

/** A first cell's frontmatter for a test notebook chapter. */
export const NOTEBOOK_FRONTMATTER = '---\nid: n-1-nb\ntitle: A Notebook\nslug: a-notebook\ndescription: What it teaches.\n---\n';

/**
 * Write a notebook of `cells`, after a first Markdown cell of frontmatter, into a new temporary book
 * folder (under the run's root, removed with it); return the notebook's path and the book's root.
 */
export function writeNotebookChapter(cells: TestCell[], prefix = 'notebook-'): { file: string; root: string } {
  const root = makeTempDir(prefix);
  return { file: writeNotebook(root, 'n.ipynb', [{ cell_type: 'markdown', source: `${NOTEBOOK_FRONTMATTER}\nIntro.` }, ...cells]), root };
}

/** A chapter's converted source as HTML (CommonMark, HTML blocks passed through), parsed back to query it. */
export function markdownPage(source: string): HastRoot {
  return fromHtml(toHtml(toHast(fromMarkdown(source), { allowDangerousHtml: true }), { allowDangerousHtml: true }), { fragment: true });
}
