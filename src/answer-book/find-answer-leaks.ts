/**
 * The graded edition's gate: after the whole site is written (pages, search index, service worker),
 * look for the text of every answer in every file of the public output, and fail the build if one is
 * found. The answers plugin removes them at the source; this proves it for what comes after (the
 * search index, a page that quotes a chapter, a cached entry), whatever changes later.
 *
 * An answer's fingerprint is its longest run of plain text (between formulas, links and emphasis), of
 * 24 characters or more, compared as words (letters and digits, lowercased); answers without such a run (a formula alone) have none.
 * Pages are compared by their visible text (tags removed, entities decoded); Pagefind's fragments are
 * gzip-compressed JSON, compared by their content; other text files (scripts, JSON, XML) as they are.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { ChapterAnswer } from '../markdown/answers/index.js';

const MIN_FINGERPRINT = 24;
const TEXT_FILE = /\.(html?|js|mjs|json|xml|txt|css|webmanifest|svg)$/i;

/** Letters and digits only, lowercased, one space between words: typography (quotes, dashes, a space before a formula) cannot hide a match. */
const collapse = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The text a reader would find of an answer, or undefined when it has no run long enough to tell. */
export function answerFingerprint(answer: Pick<ChapterAnswer, 'body'>): string | undefined {
  const runs: string[] = [];
  for (const node of answer.body) {
    visit(node as Nodes, (child) => {
      if (child.type === 'text') runs.push(collapse(child.value));
      if (child.type === 'html') runs.push(...child.value.split(/<[^>]*>/).map((part) => visibleText(part)));
    });
  }
  const longest = runs.reduce((best, run) => (run.length > best.length ? run : best), '');
  return longest.length >= MIN_FINGERPRINT ? longest.slice(0, 80).trim() : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of HTML: scripts and styles dropped, tags removed, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return collapse(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
        if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
        if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
        return ENTITIES[name.toLowerCase()] ?? entity;
      }),
  );
}

/** The searchable text of a file of the built site, or undefined for a binary file. */
export function builtFileText(file: string): string | undefined {
  if (file.endsWith('.pf_fragment')) {
    // Pagefind: gzip of `pagefind_dcd` followed by the fragment's JSON (its `content` is the page's text).
    const json = gunzipSync(readFileSync(file)).toString('utf8').replace(/^pagefind_dcd/, '');
    const fragment = JSON.parse(json) as { content?: string };
    return collapse(fragment.content ?? json);
  }
  if (!TEXT_FILE.test(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  return /\.html?$/i.test(file) ? visibleText(text) : collapse(text);
}

function* filesBelow(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* filesBelow(full);
    else yield full;
  }
}

/** A leak: where an answer's text was found. */
export interface AnswerLeak {
  answer: ChapterAnswer;
  /** Relative to the output folder. */
  file: string;
}

/** Every file of `outDir` that contains an answer's fingerprint. */
export function findAnswerLeaks(outDir: string, answers: readonly ChapterAnswer[]): AnswerLeak[] {
  const fingerprints = answers.flatMap((answer) => {
    const fingerprint = answerFingerprint(answer);
    return fingerprint ? [{ answer, fingerprint }] : [];
  });
  const leaks: AnswerLeak[] = [];
  if (fingerprints.length === 0) return leaks;
  for (const file of filesBelow(outDir)) {
    const text = builtFileText(file);
    if (text === undefined) continue;
    for (const { answer, fingerprint } of fingerprints) {
      if (text.includes(fingerprint)) leaks.push({ answer, file: path.relative(outDir, file).split(path.sep).join('/') });
    }
  }
  return leaks;
}
