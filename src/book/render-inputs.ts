/**
 * What a chapter's rendering reads besides its own file: the book's settings, the .bib, the glossary,
 * and (in dev) everything the other chapters contribute (cross-reference targets, the order of first
 * citations). Astro's content layer keeps a rendered `.md` or notebook chapter until its digest
 * changes, and that digest covers the chapter's file only; the chapters loader adds this one, so a
 * chapter is rendered again when the .bib or the settings change between builds, or when the dev
 * server finds that the rest of the book changed what the chapter shows.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BookConfig } from './book-config.js';
import { processWide } from '../process/process-wide.js';

// Bumped by the dev server (src/dev/) each time the rest of the book changed what chapters show.
const devEpoch = processWide('render-inputs-epoch', () => ({ value: 0 }));

/** A digest of the inputs every chapter's rendering shares. */
export function renderInputsDigest(config: BookConfig): string {
  const hash = createHash('sha1');
  for (const file of [config.paths.structure, config.bibliography.path, config.paths.glossary]) hash.update(`${file}\n${readOrEmpty(file)}\n`);
  hash.update(String(devEpoch.value));
  return hash.digest('hex').slice(0, 16);
}

/** In dev: every chapter must be rendered again (the rest of the book changed what they show). */
export function bumpRenderEpoch(): void {
  devEpoch.value += 1;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
