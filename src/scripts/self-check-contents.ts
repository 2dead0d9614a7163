/**
 * Self-check progress in the contents (sidebar, home page), on every page: each chapter link whose
 * chapter the reader has answered questions in gets "3/5" (read aloud as "self-check: 3 of 5
 * correct"). Small, so it rides in the page's one script; the questions' own script
 * (./self-check.ts) is loaded only on pages that have questions.
 */
import { progressKey, readProgress, tally, tallyText } from '../markdown/self-check/progress.ts';

/** localStorage, or undefined where it is unavailable (some private modes, some file:// settings). */
export function bookStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Add or update each contents link's tally. */
export function showTallies(): void {
  const storage = bookStorage();
  if (!storage) return;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#sidebar a[href], .home-chapters a[href]')) {
    const progress = readProgress(storage, progressKey(link.href));
    const counts = tally(progress);
    let badge = link.querySelector<HTMLElement>('.self-check-tally');
    if (Object.keys(progress.results).length === 0 || counts.total === 0) {
      badge?.remove();
      continue;
    }
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'self-check-tally';
      link.append(badge);
    }
    badge.innerHTML = `<span aria-hidden="true">${counts.correct}/${counts.total}</span><span class="self-check-sr">, self-check: ${tallyText(counts)}</span>`;
    badge.classList.toggle('self-check-done', counts.correct === counts.total);
  }
}

showTallies();
if (document.querySelector('form[data-self-check]')) void import('./self-check.ts');
