/**
 * The dev server's problem banner (never part of a build: the book integration injects this script in
 * `npm run dev` only). While the book has content problems, every page shows them in a panel at the
 * bottom: `file:line:col`, error or warning, the message and its rule id, the problems of this page
 * first, each linked to its place in the text (src/markdown/problem-anchors/). The list comes from
 * the dev server (src/integrations/dev-server.ts) when the page loads, then after every save through
 * Vite's HMR connection, so the panel changes, and goes, as soon as the author fixes the last problem.
 * "Hide" hides it until the list changes. Styles and markup are made here: the dev server sends no
 * Content-Security-Policy (the build writes it), so nothing needs a hash.
 */
import type { ContentProblem } from '../diagnostics/report.js';

// The dev server's own type (a type import: nothing of the diagnostics module reaches the browser).
type Problem = Omit<ContentProblem, 'text'>;

const base = document.documentElement.dataset.base ?? '/';
const HIDDEN_KEY = 'book-problems-hidden';
let panel: HTMLElement | undefined;

const STYLE = `
.book-problems { position: fixed; inset: auto 0 0 0; z-index: 1000; max-height: 40vh; overflow: auto;
  background: Canvas; color: CanvasText; border-top: 3px solid #b00020; box-shadow: 0 -4px 16px rgb(0 0 0 / 0.25);
  font: 14px/1.45 system-ui, sans-serif; padding: 0.6rem 1rem 0.8rem; }
.book-problems header { display: flex; gap: 1rem; align-items: baseline; justify-content: space-between; }
.book-problems h2 { font-size: 1rem; margin: 0; }
.book-problems ol { margin: 0.4rem 0 0; padding-left: 1.4rem; }
.book-problems li { margin: 0.25rem 0; }
.book-problems code { font-size: 0.92em; }
.book-problems .severity-error { color: #b00020; font-weight: 600; }
.book-problems .severity-warning { color: #8a5a00; font-weight: 600; }
@media (prefers-color-scheme: dark) { .book-problems .severity-error { color: #ff8a80; } .book-problems .severity-warning { color: #ffd180; } }
.book-problems button { font: inherit; cursor: pointer; }
.book-problem-anchor::before { content: "⚠"; color: #b00020; font-weight: 700; margin-inline-end: 0.15em; }
.book-problem-anchor:target + *, .book-problem-anchor:target { outline: 3px solid #b00020; outline-offset: 2px; }
.chapter-render-error { border: 2px solid #b00020; border-radius: 6px; padding: 0.5rem 1rem; margin: 1rem 0; }
.chapter-render-error :target { outline: 3px solid #b00020; outline-offset: 2px; }
`;

function where(problem: Problem): string {
  return problem.line ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file;
}

function anchorOf(problem: Problem): HTMLElement | null {
  return problem.line ? document.querySelector<HTMLElement>(`[data-book-problem="${CSS.escape(where(problem))}"]`) : null;
}

// Problems this page met while rendering (an MDX expression that threw: src/components/ChapterContent.astro).
// The server's list cannot hold them: they happen in the page's request, after the content check.
const renderProblems = [...document.querySelectorAll<HTMLElement>('[data-book-render-problem]')].map((element) => JSON.parse(element.dataset.bookRenderProblem!) as Problem);

function show(serverProblems: Problem[]): void {
  const problems = [...renderProblems, ...serverProblems];
  // How many problems the page last heard of (tests wait for it; the panel shows them).
  document.documentElement.dataset.bookProblems = String(problems.length);
  panel?.remove();
  panel = undefined;
  const signature = JSON.stringify(problems.map(where).concat(problems.map((problem) => problem.message)));
  if (problems.length === 0 || sessionStorage.getItem(HIDDEN_KEY) === signature) return;
  if (!document.getElementById('book-problems-style')) {
    const style = document.createElement('style');
    style.id = 'book-problems-style';
    style.textContent = STYLE;
    document.head.append(style);
  }
  const here = problems.filter((problem) => anchorOf(problem));
  const ordered = [...here, ...problems.filter((problem) => !here.includes(problem))];
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  panel = document.createElement('section');
  panel.className = 'book-problems';
  panel.setAttribute('aria-labelledby', 'book-problems-title');
  panel.dataset.bookProblems = String(problems.length);
  const header = document.createElement('header');
  const title = document.createElement('h2');
  title.id = 'book-problems-title';
  const counts = [`${errors} error${errors === 1 ? '' : 's'}`, `${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`];
  title.textContent = `Content problems: ${counts.join(', ')}${here.length > 0 ? ` (${here.length} on this page)` : ''} — a build would ${errors > 0 ? 'fail' : 'pass'}`;
  const hide = document.createElement('button');
  hide.type = 'button';
  hide.textContent = 'Hide';
  hide.addEventListener('click', () => {
    sessionStorage.setItem(HIDDEN_KEY, signature);
    panel?.remove();
    panel = undefined;
  });
  header.append(title, hide);
  const list = document.createElement('ol');
  for (const problem of ordered) {
    const item = document.createElement('li');
    const place = document.createElement('code');
    place.textContent = where(problem);
    const severity = document.createElement('span');
    severity.className = `severity-${problem.severity}`;
    severity.textContent = problem.severity;
    item.append(place, ' ', severity, ` ${problem.message}`);
    if (problem.ruleId) {
      const rule = document.createElement('code');
      rule.textContent = `[${problem.ruleId}]`;
      item.append(' ', rule);
    }
    const anchor = anchorOf(problem);
    if (anchor) {
      const link = document.createElement('a');
      link.href = `#${anchor.id}`;
      link.textContent = 'show on this page';
      item.append(' — ', link);
    }
    list.append(item);
  }
  panel.append(header, list);
  document.body.append(panel);
}

fetch(`${base}__book/problems.json`, { cache: 'no-store' })
  .then((response) => response.json() as Promise<{ problems: Problem[] }>)
  .then((payload) => show(payload.problems))
  .catch(() => undefined);

import.meta.hot?.on('book:problems', (payload: { problems: Problem[] }) => show(payload.problems));
