/**
 * Deterministic synthetic books for the scale benchmark: a generated .bib and chapters of lorem-like
 * prose with headings, citations and formulas. Everything comes from one seeded PRNG, so two runs
 * build byte-identical books and their timings are comparable. The text, authors and titles are
 * obviously synthetic on purpose: nobody should mistake them for real works.
 */

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

const LOREM = (
  'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ' +
  'enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in ' +
  'reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa ' +
  'qui officia deserunt mollit anim id est laborum curabitur pretium tincidunt lacus nulla gravida orci a odio nullam varius ' +
  'turpis et commodo pharetra est eros bibendum elit nec luctus magna felis sollicitudin mauris integer dapibus nunc suscipit ' +
  'vestibulum ante primis faucibus ultrices posuere cubilia praesent blandit sodales arcu porta feugiat morbi tristique senectus ' +
  'netus malesuada fames egestas vivamus fringilla aliquet quam placerat rhoncus sapien viverra pellentesque habitant'
).split(' ');

const SYLLABLES = ['bar', 'ko', 'vin', 'tel', 'qua', 'mor', 'sil', 'dra', 'pen', 'lu', 'rix', 'tho', 'gan', 've', 'zul', 'os'];
const GIVEN = ['Ada', 'Bo', 'Cyra', 'Dov', 'Esme', 'Fenn', 'Gala', 'Hale', 'Ines', 'Jory', 'Kit', 'Luma'];

/** One generated bibliography entry, and how a plain-text author–date citation names it. */
export interface SyntheticEntry {
  key: string;
  families: string[];
  year: number;
}

/** The generated bibliography: its entries and its BibTeX source. */
export interface SyntheticBibliography {
  entries: SyntheticEntry[];
  bibtex: string;
}

/** A .bib of `count` synthetic articles (keys `synth0000`…); family names recur so citeproc disambiguates. */
export function syntheticBibliography(count: number, seed = 2000): SyntheticBibliography {
  const random = seededRandom(seed);
  const families = Array.from({ length: 300 }, () => capitalize(Array.from({ length: between(random, 2, 3) }, () => pick(random, SYLLABLES)).join('')));
  const entries: SyntheticEntry[] = [];
  const sources: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = `synth${String(i).padStart(4, '0')}`;
    const authors = Array.from({ length: between(random, 1, 4) }, () => pick(random, families));
    const year = between(random, 1990, 2025);
    const title = `Synthetic Study ${i}: ${capitalize(pick(random, LOREM))} ${pick(random, LOREM)} and ${pick(random, LOREM)} ${pick(random, LOREM)}`;
    entries.push({ key, families: authors, year });
    const author = authors.map((family) => `${family}, ${pick(random, GIVEN)}`).join(' and ');
    sources.push(
      `@article{${key},\n  author = {${author}},\n  title = {${title}},\n  journal = {Journal of Synthetic Results ${1 + (i % 40)}},\n  volume = {${1 + (i % 60)}},\n  pages = {${i % 500}--${(i % 500) + 12}},\n  year = {${year}}\n}`,
    );
  }
  return { entries, bibtex: `${sources.join('\n\n')}\n` };
}

/** One generated chapter: frontmatter fields, its part, and its Markdown body (with MyST citation roles). */
export interface SyntheticChapter {
  id: string;
  title: string;
  slug: string;
  description: string;
  /** 0-based part index. */
  part: number;
  /** 1-based position in the book. */
  number: number;
  body: string;
  words: number;
}

export interface ChapterShape {
  /** Words of prose per chapter (approximate). */
  words: number;
  citations: number;
  formulas: number;
  /** Chapters per part. */
  chaptersPerPart: number;
}

export const DEFAULT_SHAPE: ChapterShape = { words: 3000, citations: 20, formulas: 10, chaptersPerPart: 10 };

/** Inline formula templates (valid KaTeX); `@` is replaced by a letter so formulas vary. */
const INLINE = [
  '\\hat R(f) = \\frac{1}{n}\\sum_{i=1}^{n} \\ell(f(x_i), y_i)',
  '\\Pr(\\hat Y = 1 \\mid A = @) \\geq 0.8',
  '\\mathbb{E}[@ \\mid X = x]',
  '\\lVert w \\rVert_2^2 + \\lambda \\lVert w \\rVert_1',
  '@_{t+1} = @_t - \\eta \\nabla L(@_t)',
  '\\sigma(z) = 1 / (1 + e^{-z})',
  '\\varepsilon \\in (0, 1]',
  '\\operatorname{KL}(P \\parallel Q)',
];

/** Display formula templates (valid KaTeX). */
const DISPLAY = [
  '\\mathcal{L}(\\theta) = -\\sum_{i=1}^{n} \\left[ y_i \\log p_\\theta(x_i) + (1 - y_i) \\log (1 - p_\\theta(x_i)) \\right]',
  '\\Pr(\\hat Y = 1 \\mid A = a, Y = y) = \\Pr(\\hat Y = 1 \\mid A = b, Y = y) \\quad \\text{for } y \\in \\{0, 1\\}',
  '\\phi_@ = \\sum_{S \\subseteq N \\setminus \\{@\\}} \\frac{|S|!\\,(|N| - |S| - 1)!}{|N|!} \\bigl( v(S \\cup \\{@\\}) - v(S) \\bigr)',
  '\\Pr[\\mathcal{M}(D) \\in S] \\leq e^{\\varepsilon} \\Pr[\\mathcal{M}(D\') \\in S] + \\delta',
  '\\begin{pmatrix} \\mathrm{TP} & \\mathrm{FP} \\\\ \\mathrm{FN} & \\mathrm{TN} \\end{pmatrix}, \\qquad F_1 = \\frac{2\\,\\mathrm{TP}}{2\\,\\mathrm{TP} + \\mathrm{FP} + \\mathrm{FN}}',
  '\\min_{\\theta} \\; \\mathbb{E}_{(x, y) \\sim \\mathcal{D}} \\Bigl[ \\max_{\\lVert \\delta \\rVert_\\infty \\leq \\epsilon} \\ell(f_\\theta(x + \\delta), y) \\Bigr]',
];

const LETTERS = ['a', 'b', 'k', 'u', 'z'];

/** A role as our platform writes it: `{cite:p}` (parenthetical) or `{cite:t}` (narrative), one or two keys. */
function citationRole(random: Random, entries: SyntheticEntry[]): string {
  const keys = [pick(random, entries).key];
  if (random() < 0.2) keys.push(pick(random, entries).key);
  return `{cite:${random() < 0.3 ? 't' : 'p'}}\`${keys.join(',')}\``;
}

function sentence(random: Random, words: number): string {
  const text = Array.from({ length: words }, () => pick(random, LOREM));
  text[0] = capitalize(text[0]!);
  if (words > 10 && random() < 0.4) text[Math.floor(words / 2)] += ',';
  return text.join(' ');
}

function headingText(random: Random): string {
  return `${capitalize(pick(random, LOREM))} ${pick(random, LOREM)} ${pick(random, LOREM)}`;
}

/**
 * The body of one chapter: ~`shape.words` words in sections (`##`) and subsections (`###`), with
 * `shape.citations` citation roles and `shape.formulas` formulas (about two thirds inline, the rest
 * display) spread over the paragraphs.
 */
function chapterBody(random: Random, entries: SyntheticEntry[], shape: ChapterShape): { body: string; words: number } {
  const paragraphWords = 100;
  const paragraphs = Math.max(1, Math.round(shape.words / paragraphWords));
  const display = Math.round(shape.formulas / 3);
  // Spread the insertions evenly: paragraph i gets the citations and formulas whose slot falls on it.
  const slot = (k: number, total: number) => Math.floor(((k + 0.5) * paragraphs) / total);
  const citesIn = new Map<number, number>();
  for (let k = 0; k < shape.citations; k++) citesIn.set(slot(k, shape.citations), (citesIn.get(slot(k, shape.citations)) ?? 0) + 1);
  const inlineIn = new Map<number, number>();
  for (let k = 0; k < shape.formulas - display; k++) inlineIn.set(slot(k, shape.formulas - display), (inlineIn.get(slot(k, shape.formulas - display)) ?? 0) + 1);
  const displayAfter = new Set(Array.from({ length: display }, (_, k) => slot(k, display)));

  const blocks: string[] = [];
  let words = 0;
  for (let p = 0; p < paragraphs; p++) {
    if (p % 6 === 0) blocks.push(`## ${headingText(random)}`);
    else if (p % 6 === 3) blocks.push(`### ${headingText(random)}`);
    const sentences: string[] = [];
    let count = 0;
    // Sentences of 8–20 words overshoot the target by ~7 words on average: stop a little short.
    while (count < paragraphWords - 7) {
      const length = between(random, 8, 20);
      sentences.push(sentence(random, length));
      count += length;
    }
    words += count;
    // Citations end a sentence; inline formulas sit inside one.
    for (let k = 0; k < (citesIn.get(p) ?? 0); k++) {
      const at = between(random, 0, sentences.length - 1);
      sentences[at] += ` ${citationRole(random, entries)}`;
    }
    for (let k = 0; k < (inlineIn.get(p) ?? 0); k++) {
      const at = between(random, 0, sentences.length - 1);
      sentences[at] += ` with $${pick(random, INLINE).replaceAll('@', pick(random, LETTERS))}$`;
    }
    blocks.push(`${sentences.join('. ')}.`);
    if (displayAfter.has(p)) blocks.push(`$$\n${pick(random, DISPLAY).replaceAll('@', pick(random, LETTERS))}\n$$`);
  }
  return { body: `${blocks.join('\n\n')}\n`, words };
}

/** `count` chapters in parts of `shape.chaptersPerPart`, citing keys of `bibliography`. */
export function syntheticChapters(count: number, bibliography: SyntheticBibliography, shape: ChapterShape = DEFAULT_SHAPE, seed = 42): SyntheticChapter[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const padded = String(number).padStart(3, '0');
    const title = `Synthetic Chapter ${number}: ${capitalize(pick(random, LOREM))} ${pick(random, LOREM)}`;
    const { body, words } = chapterBody(random, bibliography.entries, shape);
    return {
      id: `ch-${padded}`,
      title,
      slug: `synthetic-${padded}`,
      description: `Generated text for the scale benchmark (chapter ${number}); not a real chapter.`,
      part: Math.floor(index / shape.chaptersPerPart),
      number,
      body,
      words,
    };
  });
}

/** Author–date text for a plain-text citation, e.g. "Barko et al., 2004" (what Starlight gets instead of a role). */
function authorDate(entry: SyntheticEntry | undefined, narrative: boolean): string {
  if (!entry) return 'Unknown';
  const [first, second] = entry.families;
  const names = entry.families.length === 1 ? first : entry.families.length === 2 ? `${first} & ${second}` : `${first} et al.`;
  return narrative ? `${names} (${entry.year})` : `${names}, ${entry.year}`;
}

/** The body with each citation role replaced by plain text: `{cite:p}` → "(A et al., 2004)", `{cite:t}` → "A et al. (2004)". */
export function plainTextCitations(body: string, bibliography: SyntheticBibliography): string {
  const byKey = new Map(bibliography.entries.map((entry) => [entry.key, entry]));
  return body.replace(/\{cite:([pt])\}`([^`]+)`/g, (_, kind: string, keys: string) => {
    const entries = keys.split(',').map((key) => byKey.get(key.trim()));
    return kind === 't' ? entries.map((entry) => authorDate(entry, true)).join(' and ') : `(${entries.map((entry) => authorDate(entry, false)).join('; ')})`;
  });
}

/** Quote a string for YAML frontmatter. */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}
