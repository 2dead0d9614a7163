/**
 * The stored outputs of one code cell, as the chapter shows them (a notebook is never executed by the
 * build). Each output becomes a chunk of the chapter's source: HTML for text, streams, errors, images and
 * sanitised `text/html`; Markdown for `text/markdown` and `text/latex` (as display math), so the book's
 * pipeline renders and checks them like the rest of the chapter.
 *
 * An output that needs a script (a widget, an interactive plot, HTML with `<script>`) cannot run here:
 * the Content-Security-Policy forbids inline scripts and the site loads nothing from other hosts. It is
 * shown in the richest static representation it carries, with a note on the page and a build warning.
 */
import { joinText, type NotebookOutput } from './notebook-json.js';
import { IMAGE_TYPES, type NotebookImage, notebookImage } from './output-images.js';
import { sanitizeOutputHtml } from './sanitize-output-html.js';

/** A piece of the chapter's source made from an output. */
export type OutputChunk = { kind: 'html'; html: string } | { kind: 'markdown'; text: string };

export interface RenderedOutputs {
  chunks: OutputChunk[];
  images: NotebookImage[];
  /** Build warnings about this cell's outputs. */
  warnings: string[];
}

export interface OutputOptions {
  /** The cell's number in the notebook (1-based), for class names, labels and messages. */
  cellNumber: number;
  /** Drop `stderr` streams (tag `remove-stderr`). */
  removeStderr?: boolean;
  /** Alt text for image outputs (from the cell's metadata), else a default naming the cell. */
  alt?: string;
  /** The URL of an image file of the site. */
  imageUrl(image: NotebookImage): string;
}

/** MIME types whose display needs a script (Jupyter widgets, Plotly, Bokeh, HoloViews, Vega). */
const SCRIPTED = /^(application\/(javascript|vnd\.jupyter\.widget-view\+json|vnd\.plotly\.v\d+\+json|vnd\.bokehjs_(exec|load)\.v\d+\+json|vnd\.holoviews_(exec|load)\.v\d+\+json|vnd\.vega(lite)?\.v[\d.]+\+json)|text\/javascript)$/;

/** Static representations, richest first (the order Jupyter Book prefers for HTML output). */
const STATIC_ORDER = ['text/html', 'image/svg+xml', 'image/png', 'image/jpeg', 'image/gif', 'text/markdown', 'text/latex', 'text/plain'];

const WORDS: Record<string, string> = {
  'text/html': 'HTML',
  'image/svg+xml': 'SVG image',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'text/markdown': 'Markdown',
  'text/latex': 'formula',
  'text/plain': 'text',
};

/** Render the outputs of one code cell. */
export function renderOutputs(outputs: readonly NotebookOutput[], options: OutputOptions): RenderedOutputs {
  const result: RenderedOutputs = { chunks: [], images: [], warnings: [] };
  mergeStreams(outputs).forEach((output, index) => {
    const number = index + 1;
    if (output.output_type === 'stream') {
      if (output.name === 'stderr' && options.removeStderr) return;
      const stream = output.name === 'stderr' ? 'stderr' : 'stdout';
      result.chunks.push(html(`<pre class="nb-output nb-output-stream nb-output-${stream}">${escapeHtml(streamText(joinText(output.text)))}</pre>`));
    } else if (output.output_type === 'error') {
      const traceback = (output.traceback ?? []).join('\n') || `${output.ename ?? 'Error'}: ${output.evalue ?? ''}`;
      result.chunks.push(html(`<pre class="nb-output nb-output-error" data-ename="${escapeHtml(output.ename ?? '')}">${escapeHtml(stripAnsi(traceback))}</pre>`));
    } else if (output.output_type === 'display_data' || output.output_type === 'execute_result') {
      renderData(output, number, options, result);
    }
  });
  return result;
}

function renderData(output: NotebookOutput, number: number, options: OutputOptions, result: RenderedOutputs): void {
  const data = output.data ?? {};
  const types = Object.keys(data);
  const htmlText = data['text/html'] === undefined ? undefined : joinText(data['text/html'] as string | string[]);
  const sanitized = htmlText === undefined ? undefined : sanitizeOutputHtml(htmlText);
  const scripted = types.filter((type) => SCRIPTED.test(type));
  if (sanitized?.hasScript) scripted.push('text/html with <script>');
  // The richest representation that shows without a script.
  const chosen = STATIC_ORDER.find((type) => data[type] !== undefined && !(type === 'text/html' && sanitized?.hasScript));
  const chunks: OutputChunk[] = [];
  if (scripted.length > 0) {
    const shown = chosen ? `shown as its static ${WORDS[chosen]}` : 'it has no static representation to show';
    result.warnings.push(
      `Output ${number} needs a script to display (${scripted.join(', ')}), which the book does not run; ${shown}. Save a static version in the notebook (e.g. an image) to choose what readers see`,
    );
    chunks.push(html(`<p class="nb-output-note" role="note">Interactive output: ${chosen ? `shown here as static ${WORDS[chosen]}` : 'not shown here'}; run the notebook to interact with it.</p>`));
  }
  if (chosen === 'text/html' && sanitized) {
    if (sanitized.removed.length > 0) result.warnings.push(`Output ${number}'s HTML lost ${sanitized.removed.join(', ')}: the book publishes only static, self-contained HTML`);
    // A region of its own that scrolls sideways, so a wide DataFrame stays whole on a phone; a label
    // unique on the page (the keyboard reaches it, and screen readers list regions by name).
    const label = number === 1 ? `Output of cell ${options.cellNumber}` : `Output ${number} of cell ${options.cellNumber}`;
    chunks.push(html(`<div class="nb-output nb-output-html" role="region" aria-label="${label}" tabindex="0">${sanitized.html}</div>`));
  } else if (chosen && IMAGE_TYPES[chosen]) {
    const image = notebookImage(chosen, data[chosen], output.metadata);
    if (image) {
      result.images.push(image);
      const alt = options.alt ?? `Image output of code cell ${options.cellNumber}`;
      const size = image.width && image.height ? ` width="${Math.round(image.width)}" height="${Math.round(image.height)}"` : '';
      chunks.push(html(`<div class="nb-output nb-output-image"><img src="${escapeHtml(options.imageUrl(image))}" alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async"></div>`));
    }
  } else if (chosen === 'text/markdown') {
    chunks.push({ kind: 'markdown', text: joinText(data[chosen] as string | string[]).trim() });
  } else if (chosen === 'text/latex') {
    chunks.push({ kind: 'markdown', text: `$$\n${displayLatex(joinText(data[chosen] as string | string[]))}\n$$` });
  } else if (chosen === 'text/plain') {
    chunks.push(html(`<pre class="nb-output nb-output-text">${escapeHtml(stripAnsi(joinText(data[chosen] as string | string[])))}</pre>`));
  }
  result.chunks.push(...chunks);
}

/** Jupyter splits a stream into many outputs; readers see one block per run of the same stream. */
function mergeStreams(outputs: readonly NotebookOutput[]): NotebookOutput[] {
  const merged: NotebookOutput[] = [];
  for (const output of outputs) {
    const last = merged.at(-1);
    if (output.output_type === 'stream' && last?.output_type === 'stream' && last.name === output.name) {
      last.text = joinText(last.text) + joinText(output.text);
    } else merged.push({ ...output });
  }
  return merged;
}

/** A stream as a terminal shows it: a carriage return (progress bars) overwrites its line. */
function streamText(text: string): string {
  return stripAnsi(text)
    .split('\n')
    .map((line) => line.split('\r').filter(Boolean).at(-1) ?? '')
    .join('\n')
    .replace(/\n$/, '');
}

/** The TeX of a `text/latex` output without its `$…$`, `$$…$$` or `\[…\]` delimiters, and no blank line. */
function displayLatex(latex: string): string {
  const trimmed = latex.trim();
  const inner = /^\$\$([\s\S]*)\$\$$/.exec(trimmed)?.[1] ?? /^\$([\s\S]*)\$$/.exec(trimmed)?.[1] ?? /^\\\[([\s\S]*)\\\]$/.exec(trimmed)?.[1] ?? trimmed;
  return inner.trim().replace(/\n\s*\n/g, '\n');
}

/** Remove ANSI colour and cursor codes (tracebacks are coloured for a terminal). */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\u001b\][^\u0007]*\u0007/g, '');
}

/** Escape text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function html(markup: string): OutputChunk {
  return { kind: 'html', html: markup };
}
