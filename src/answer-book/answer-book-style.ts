/**
 * The answer book's stylesheet: a plain reading page that prints well (each chapter on a new page,
 * exercises not split). A string here rather than a .css file beside the module: Astro bundles the
 * integration, and a file found through `import.meta.url` would not be where the bundle runs.
 */
export const ANSWER_BOOK_STYLESHEET = `:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --rule: #d0d0d0; --accent: #0b5cad; --answer: #f3f7fb; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; font: 1.0625rem/1.6 Georgia, 'Times New Roman', serif; color: var(--ink); background: #fff; }
h1, h2, h3, .restricted, .answer-label, nav { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.45rem; margin: 3rem 0 1rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--ink); }
h2 a { color: inherit; text-decoration: none; }
h2 a:hover, h2 a:focus-visible { text-decoration: underline; }
.chapter-number { color: var(--muted); margin-right: 0.35rem; }
h3 { font-size: 1.1rem; margin: 2rem 0 0.5rem; }
a { color: var(--accent); }
.restricted { display: inline-block; margin: 0; padding: 0.2rem 0.6rem; border: 1px solid #a33; border-radius: 0.25rem; color: #8a1f1f; font-size: 0.85rem; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase; }
.contents { padding-left: 1.25rem; }
.exercise { break-inside: avoid; }
.question > :first-child { margin-top: 0; }
.answer { margin: 0.75rem 0 1.5rem; padding: 0.75rem 1rem; border-left: 4px solid var(--accent); background: var(--answer); }
.answer > :last-child { margin-bottom: 0; }
.answer-label { margin: 0 0 0.35rem; font-size: 0.85rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.04em; color: var(--accent); }
.katex-display { overflow-x: auto; overflow-y: hidden; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--rule); padding: 0.25rem 0.5rem; }
details > summary { cursor: pointer; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .chapter { break-before: page; }
  nav { break-after: page; }
  a { color: inherit; }
  .answer { background: none; }
}
`;
