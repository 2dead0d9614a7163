/** Notebooks written as Jupyter saves them, for tests that read real `.ipynb` files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
