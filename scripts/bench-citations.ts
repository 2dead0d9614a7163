/**
 * Citation benchmark (`npm run bench:cite`): resolve 5,000 citations against a synthetic 2,000-entry
 * .bib, and resolve books of growing size to show how the citation cost scales. Prints figures; it
 * asserts nothing (timings are noisy, so they are not tests).
 */
import { performance } from 'node:perf_hooks';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { createCitationFormatter } from '../src/bibliography/csl-formatter.js';
import { parseBibliography } from '../src/bibliography/load-bibliography.js';
import { resolveCitations } from '../src/markdown/citations/index.js';
import type { Cite } from '../src/markdown/myst-roles/types.js';

const ENTRIES = 2000;
const FAMILY = ['Smith', 'Nguyen', 'García', 'Müller', 'Okafor', 'Kowalski', 'Chen', 'Haddad', 'Silva', 'Ivanova'];

/** A deterministic synthetic .bib (same authors and years recur, so disambiguation is exercised). */
function syntheticBib(count: number): string {
  const entries: string[] = [];
  for (let i = 0; i < count; i++) {
    const authors = Array.from({ length: 1 + (i % 4) }, (_, j) => `${FAMILY[(i + j) % FAMILY.length]}, Author${j}`).join(' and ');
    entries.push(`@article{key${i},\n  author = {${authors}},\n  title = {Synthetic Work Number ${i} on {AI}},\n  journal = {Journal ${i % 37}},\n  volume = {${i % 50}},\n  pages = {${i}--${i + 9}},\n  year = {${2000 + (i % 25)}},\n  doi = {10.5555/synthetic.${i}}\n}`);
  }
  return entries.join('\n\n');
}

/** A chapter tree with `citations` citations of keys drawn from the bib, one or two keys each. */
function syntheticChapter(citations: number, seed: number): Root {
  const children: Root['children'] = [];
  for (let i = 0; i < citations; i++) {
    const a = (seed * 7919 + i * 104729) % ENTRIES;
    const keys = i % 3 === 0 ? [`key${a}`, `key${(a + 1) % ENTRIES}`] : [`key${a}`];
    const cite: Cite = { type: 'cite', kind: i % 5 === 0 ? 't' : 'p', keys };
    children.push({ type: 'paragraph', children: [{ type: 'text', value: 'Claim ' }, cite] });
  }
  return { type: 'root', children };
}

const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
};

const source = syntheticBib(ENTRIES);
const [bibliography, parseMs] = time(() => parseBibliography(source, 'synthetic.bib'));
const [, firstRenderMs] = time(() => createCitationFormatter('apa', [bibliography.items.get('key0')!]).parenthetical(['key0']));

// 5,000 citations in 25 chapters of 200.
const [, resolveMs] = time(() => {
  for (let chapter = 0; chapter < 25; chapter++) resolveCitations(syntheticChapter(200, chapter), new VFile(), bibliography, 'apa');
});

console.log('Citations benchmark (APA 7)');
console.log(`  .bib entries parsed            ${bibliography.items.size}`);
console.log(`  parse time                     ${parseMs.toFixed(0)} ms`);
console.log(`  first render (engine set-up)   ${firstRenderMs.toFixed(0)} ms`);
console.log(`  5,000 citations, 25 chapters   ${resolveMs.toFixed(0)} ms  (${((resolveMs / 5000) * 1000).toFixed(0)} µs per citation, references included)`);
console.log('');
console.log('  Whole-book citation cost by size (20 citations per chapter)');
console.log('  chapters   total ms   ms per chapter');
for (const chapters of [20, 100, 200]) {
  const [, ms] = time(() => {
    for (let chapter = 0; chapter < chapters; chapter++) resolveCitations(syntheticChapter(20, chapter), new VFile(), bibliography, 'apa');
  });
  console.log(`  ${String(chapters).padStart(8)}   ${ms.toFixed(0).padStart(8)}   ${(ms / chapters).toFixed(1).padStart(14)}`);
}
