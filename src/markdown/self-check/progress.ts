/**
 * A reader's self-check progress, kept in localStorage per chapter: which questions the chapter has
 * (by label) and the latest result of each answered one. The key is the chapter page's path, so the
 * contents (sidebar, home page) can find a chapter's progress from its link alone, and two books
 * served from one origin (sub-paths, file:// exports) keep theirs apart.
 */

export interface ChapterProgress {
  /** The chapter's questions, by label, as last seen on its page. */
  labels: string[];
  /** The latest result of each answered question. */
  results: Record<string, boolean>;
}

const PREFIX = 'self-check:';

/** The storage key of the chapter at `url` (a page URL or path): its path, without `index.html`, query or hash. */
export function progressKey(url: string): string {
  const path = new URL(url, 'http://x/').pathname.replace(/index\.html$/, '');
  return PREFIX + (path.endsWith('/') ? path : `${path}/`);
}

/** The progress stored under `key`; an empty one when there is none or it is not ours. */
export function readProgress(storage: Pick<Storage, 'getItem'>, key: string): ChapterProgress {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    if (value && typeof value === 'object' && Array.isArray((value as ChapterProgress).labels)) {
      const { labels, results } = value as ChapterProgress;
      return { labels: labels.filter((label) => typeof label === 'string'), results: results && typeof results === 'object' ? { ...results } : {} };
    }
  } catch {
    // Unreadable storage (private mode) or a value that is not JSON: start afresh.
  }
  return { labels: [], results: {} };
}

/** Progress for a chapter whose questions are now `labels`: results of removed questions are dropped. */
export function withLabels(progress: ChapterProgress, labels: readonly string[]): ChapterProgress {
  const results: Record<string, boolean> = {};
  for (const label of labels) if (Object.hasOwn(progress.results, label)) results[label] = progress.results[label] === true;
  return { labels: [...labels], results };
}

/** Progress after answering question `label`, rightly or not (the latest answer counts). */
export function recordResult(progress: ChapterProgress, label: string, correct: boolean): ChapterProgress {
  return { labels: progress.labels, results: { ...progress.results, [label]: correct } };
}

/** How many of the chapter's questions were last answered correctly, out of how many. */
export function tally(progress: ChapterProgress): { correct: number; total: number } {
  return { correct: progress.labels.filter((label) => progress.results[label] === true).length, total: progress.labels.length };
}

/** "3 of 5 correct". */
export function tallyText({ correct, total }: { correct: number; total: number }): string {
  return `${correct} of ${total} correct`;
}
