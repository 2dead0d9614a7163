/**
 * Dev-server benchmark (`npm run bench:dev`): how long an author waits, in `npm run dev`, from saving
 * an edit of one chapter to the edited text being served. For this book (a copy of content/, bib/ and
 * public/ in a temporary folder, so the repository is not touched) and for a generated book of 200
 * chapters (the scale benchmark's generator: ~3,000 words, 20 citations and 10 formulas a chapter,
 * a 2,000-entry .bib). Each run starts `astro dev`, loads the chapter's page once, then saves the
 * chapter `--warmup` times unmeasured, then `--edits` times, each time with a new sentence at its
 * end, and, as a browser would, waits for the dev server's reload message (Vite's HMR socket), then
 * asks for the page (again at each further reload, or every 100 ms) until the sentence is in it. The first saves after the server
 * starts run code the JavaScript engine has not optimized yet; an author saves many times in a
 * session, so the figures are those of the saves after them (the first ones are printed apart). It prints each book's times (median, min, max) and where the time goes: Astro's
 * own time for the request that served the edit (the chapter's render) and the content check, which
 * runs once the page is served (BOOK_DEV_TIMINGS=1 makes the dev server print it).
 * Prints figures; asserts nothing (timings are noisy, so they are not tests).
 *
 *   npm run bench:dev                         # this book, then 200 generated chapters
 *   npm run bench:dev -- --books real --edits 10
 *   npm run bench:dev -- --books 50,200
 *   npm run bench:dev -- --books real --chapter content/4-special-topics/4-1-genai.mdx:generative-ai/
 *   npm run bench:dev -- --books real --profile prof   # the dev server's CPU profile, in prof/
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { partFolder, writeBookFolder } from './bench-scale/book-folder.js';
import { syntheticBibliography, syntheticChapters } from './bench-scale/synthetic-book.js';

const projectRoot = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    books: { type: 'string', default: 'real,200' },
    edits: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    // Write the dev server's CPU profile (node --cpu-prof) into this folder, for a look at where a save's time goes.
    profile: { type: 'string' },
    // Which chapter of this book to edit, as `file:page` (default: 1.2, its heaviest in math and figures).
    chapter: { type: 'string', default: 'content/1-fairness/1-2-measure.mdx:measuring-fairness/' },
  },
});
const edits = Number(values.edits);
if (!Number.isInteger(edits) || edits < 1) throw new Error(`--edits takes a number of edits, e.g. 5 (got "${values.edits}")`);
const warmup = Number(values.warmup);
if (!Number.isInteger(warmup) || warmup < 0) throw new Error(`--warmup takes a number of edits, e.g. 2 (got "${values.warmup}")`);

interface Book {
  label: string;
  root: string;
  /** The chapter edited, and its page below the site's root. */
  chapter: string;
  page: string;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'rai-bench-dev-'));

function realBook(): Book {
  const root = path.join(work, 'real');
  for (const folder of ['content', 'bib', 'public']) cpSync(path.join(projectRoot, folder), path.join(root, folder), { recursive: true });
  // By default a chapter in the middle of the book, with citations, cross-references, math and interactive figures.
  const [file = '', page = ''] = values.chapter.split(':');
  return { label: `this book (15 chapters), ${path.basename(file)}`, root, chapter: path.join(root, file), page };
}

function generatedBook(count: number): Book {
  const root = path.join(work, `generated-${count}`);
  const bibliography = syntheticBibliography(2000);
  const chapters = syntheticChapters(count, bibliography);
  writeBookFolder(root, chapters, bibliography);
  const middle = chapters[Math.floor(chapters.length / 2)]!;
  return { label: `generated (${count} chapters)`, root, chapter: path.join(root, 'content', partFolder(middle.part), `${middle.id}.md`), page: `${middle.slug}/` };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor((numbers.length - 1) / 2)] ?? NaN;
const span = (numbers: number[]) => `${Math.round(median(numbers))} ms (${Math.round(Math.min(...numbers))}–${Math.round(Math.max(...numbers))})`;

let reloadSocket: WebSocket | undefined;

/**
 * The dev server's reload messages, as its client script in the browser receives them (Vite's HMR
 * socket, with the token the client script carries): `next()` resolves at the next full reload or update.
 */
async function reloadMessages(port: number): Promise<{ next: () => Promise<void> }> {
  const client = await (await fetch(`http://127.0.0.1:${port}/@vite/client`)).text();
  const token = /const wsToken = "([^"]*)"/.exec(client)?.[1];
  if (token === undefined) throw new Error('No HMR token in the dev server\'s client script');
  const socket = new WebSocket(`ws://127.0.0.1:${port}/?token=${token}`, 'vite-hmr');
  reloadSocket = socket;
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let waiting: (() => void)[] = [];
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { type?: string };
    if (message.type !== 'full-reload' && message.type !== 'update') return;
    for (const resolve of waiting) resolve();
    waiting = [];
  });
  return { next: () => new Promise<void>((resolve) => waiting.push(resolve)) };
}

interface Measure {
  startup: number;
  /** The unmeasured first saves' times. */
  first: number[];
  served: number[];
  render: number[];
  check: number[];
}

async function measure(book: Book): Promise<Measure> {
  const port = await freePort();
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(BASE|BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|BOOK_.*)$/.test(name)));
  const profiling = values.profile ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values.profile)] : [];
  const child = spawn(process.execPath, [...profiling, path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: projectRoot,
    env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1', BOOK_ROOT: book.root, BOOK_CACHE_DIR: path.join(book.root, '.cache'), BOOK_DEV_TIMINGS: '1' },
  });
  let log = '';
  child.stdout.on('data', (chunk) => (log += chunk));
  child.stderr.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}/${book.page}`;
  try {
    const started = performance.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`astro dev stopped:\n${log}`);
      const response = await fetch(url).catch(() => undefined);
      if (response?.status === 200) break;
      await sleep(250);
    }
    const startup = performance.now() - started;
    const reloads = await reloadMessages(port);
    const result: Measure = { startup, first: [], served: [], render: [], check: [] };
    const source = readFileSync(book.chapter, 'utf8');
    for (let edit = 1; edit <= warmup + edits; edit++) {
      // Let the previous edit's check finish, as between two saves of an author.
      await sleep(3000);
      const marker = `Benchmark edit ${edit} saved at ${Date.now()}.`;
      const logBefore = log.length;
      const saved = performance.now();
      const reloaded = reloads.next();
      writeFileSync(book.chapter, `${source}\n\n${marker}\n`);
      // As the author's browser: the dev server tells it to reload, then it asks for the page once.
      // (Polling the page instead would have the server render the old page again and again meanwhile.)
      await Promise.race([reloaded, sleep(5000)]);
      for (;;) {
        const html = await (await fetch(url)).text();
        if (html.includes(marker)) break;
        await Promise.race([reloads.next(), sleep(100)]);
      }
      const served = performance.now() - saved;
      await sleep(2500);
      if (edit <= warmup) {
        result.first.push(served);
        continue;
      }
      result.served.push(served);
      const lines = log.slice(logBefore);
      // Astro logs each request with its time; the slowest for the page is the render of the edit.
      const requests = [...lines.matchAll(new RegExp(`\\[200\\] /${book.page.replace(/\//g, '\\/')} (\\d+)ms`, 'g'))].map((match) => Number(match[1]));
      if (requests.length > 0) result.render.push(Math.max(...requests));
      const check = /re-checked \d+ of \d+ chapter\(s\) in (\d+) ms/.exec(lines);
      if (check) result.check.push(Number(check[1]));
    }
    writeFileSync(book.chapter, source);
    return result;
  } finally {
    reloadSocket?.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
}

const rows: [Book, Measure][] = [];
try {
  for (const name of values.books.split(',').map((entry) => entry.trim())) {
    const book = name === 'real' ? realBook() : generatedBook(Number(name));
    console.log(`${book.label}: starting astro dev…`);
    const result = await measure(book);
    rows.push([book, result]);
    console.log(`  ready in ${(result.startup / 1000).toFixed(1)} s; first ${result.first.length} save(s), not counted: ${result.first.map((time) => `${Math.round(time)} ms`).join(', ') || 'none'}`);
    console.log(`  save → edited text served: ${span(result.served)}`);
    console.log(`  of which the render (Astro's request time): ${result.render.length ? span(result.render) : 'n/a'}; content check, after serving: ${result.check.length ? span(result.check) : 'n/a'}`);
  }
} finally {
  if (values.keep) console.log(`Books kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

console.log(`\n1-minute load average at the end: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
console.log('| book | edits | save → served (median, min–max) | of which the render (Astro\'s request time) | content check, after serving |');
console.log('| --- | ---: | --- | --- | --- |');
for (const [book, result] of rows) {
  console.log(`| ${book.label} | ${result.served.length} | ${span(result.served)} | ${result.render.length ? span(result.render) : 'n/a'} | ${result.check.length ? span(result.check) : 'n/a'} |`);
}
