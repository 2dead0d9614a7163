/**
 * remark plugin, dev server only: before each place the chapter's checks reported a problem (an
 * unknown citation key, a broken `{doc}`, bad LaTeX…), an empty, invisible anchor
 * `<span id="book-problem-<line>-<col>" data-book-problem="content/p/x.mdx:<line>:<col>">`, so the
 * dev server's problem banner (src/scripts/dev-problems-banner.ts) can link each problem it lists to
 * where it is on the page. The placeholder the resolver left stays as it is. Positions are the
 * file's own (a `.md` chapter's body is rendered without its frontmatter: its lines are shifted back),
 * so they match the content check's `file:line:col`. In a build the plugin does nothing: a build with
 * errors fails, and its pages carry no trace of the dev server.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import type { Parent } from 'unist';
import type { VFile } from 'vfile';
import { processWide } from '../../process/process-wide.js';

const state = processWide('problem-anchors', () => ({ enabled: false, rendered: new Set<(file: string) => void>() }));

/** In dev: call `listener` with the absolute path of each chapter whose Markdown has been transformed. */
export function onChapterTransformed(listener: (file: string) => void): () => void {
  state.rendered.add(listener);
  return () => state.rendered.delete(listener);
}

/** Called by the book integration when it runs the dev server. */
export function enableProblemAnchors(): void {
  state.enabled = true;
}

export interface ProblemAnchorOptions {
  /** The book root: anchors name files relative to it, as the content check does (default: the working directory). */
  root?: string;
}

export default function remarkProblemAnchors(options: ProblemAnchorOptions) {
  return (tree: Root, file: VFile) => {
    if (!state.enabled || !file.path) return;
    const absolute = path.resolve(file.cwd, file.path);
    for (const listener of state.rendered) listener(absolute);
    const places = file.messages.filter((message) => (message.fatal === true || message.fatal === false) && message.line);
    if (places.length === 0) return;
    const shift = frontmatterLines(file);
    const displayPath = path.relative(options.root ?? process.cwd(), path.resolve(file.cwd, file.path)).split(path.sep).join('/');
    const done = new Set<string>();
    for (const message of places) {
      // The tree's positions are those of the text rendered; the anchor names the file's own line.
      const column = message.column ?? 1;
      const line = message.line! + shift;
      const key = `${line}:${column}`;
      if (done.has(key)) continue;
      done.add(key);
      const found = nodeAt(tree, message.line!, column);
      if (!found) continue;
      const anchor = {
        type: 'problemAnchor',
        data: {
          hName: 'span',
          hProperties: { id: `book-problem-${line}-${column}`, className: ['book-problem-anchor'], dataBookProblem: `${displayPath}:${line}:${column}` },
        },
      } as unknown as RootContent;
      found.parent.children.splice(found.index, 0, anchor);
    }
  };
}

/**
 * The innermost node that starts at or contains `line:column`, with its parent and index. Only
 * nodes in a parent's children can get a sibling; a point inside a text node gives that text node.
 */
function nodeAt(tree: Root, line: number, column: number): { parent: Parent; index: number } | undefined {
  const contains = (node: RootContent) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) return false;
    const afterStart = line > start.line || (line === start.line && column >= start.column);
    const beforeEnd = line < end.line || (line === end.line && column < end.column);
    return afterStart && beforeEnd;
  };
  let found: { parent: Parent; index: number } | undefined;
  let parent: Parent = tree;
  for (;;) {
    const index = parent.children.findIndex((child) => contains(child as RootContent));
    if (index < 0) return found;
    found = { parent, index };
    const child = parent.children[index] as RootContent;
    if (!('children' in child) || child.children.length === 0) return found;
    parent = child as Parent;
  }
}

/** How many lines of frontmatter the rendered text lacks (Astro renders a `.md` entry's body only). */
function frontmatterLines(file: VFile): number {
  let source: string;
  try {
    source = readFileSync(path.resolve(file.cwd, file.path), 'utf8');
  } catch {
    return 0;
  }
  // Astro passes the body with the frontmatter removed and surrounding blank lines trimmed.
  const body = String(file.value);
  const text = body.trim();
  const at = text ? source.indexOf(text) : -1;
  if (at < 0) return 0;
  const lines = (value: string) => value.split('\n').length - 1;
  return lines(source.slice(0, at)) - lines(body.slice(0, body.length - body.trimStart().length));
}
