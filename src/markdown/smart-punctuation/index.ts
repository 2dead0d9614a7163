/**
 * remark plugin: smart punctuation (curly quotes, en and em dashes, ellipses), exactly as Astro's
 * built-in `smartypants` option (remark-smartypants over retext-smartypants), which the book turns off
 * in favour of this one at the same place in the pipeline (first of the book's remark plugins), but
 * for one mistake of it that this one corrects: a quote glued to inline math or a role
 * (`apostrophesAfterLeaves`).
 *
 * Why not Astro's: it runs retext (a full natural-language parse) twice, once over the chapter's whole
 * text for the quotes, then once more for every text node for dashes, ellipses and backticks. That
 * took about 40 ms per 3,000-word chapter, the costliest step of rendering one. Here each retext pass
 * runs only where it can change something: the quote pass only if the text holds a straight quote, the
 * second pass only on a text node holding two dashes, two backticks, two apostrophes or two dots
 * (an ellipsis, spaced or not). retext's parse is lossless, so a pass over text with none of these
 * gives back the text unchanged: skipping it changes nothing (the unit test compares both plugins on
 * every chapter of the book).
 */
import type { Nodes, Parents, Root, Text } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

// Nodes whose text the quotes see (block ones add a space, so that a quote opening a block opens).
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
// Inline HTML elements of MDX whose text is code, not prose.
const CODE_ELEMENTS = new Set(['style', 'script']);
// What the second pass may change: `--` (dash), ``` `` ``` and `''` (backtick quotes), or dots with
// only white space between them (an ellipsis: three dots, or dots spaced by parse-latin's white space).
const SECOND_PASS_CHANGES = /--|``|''|\.[\s\u0085]*\./;
const STRAIGHT_QUOTE = /["']/;

export default function remarkSmartPunctuation() {
  // As remark-smartypants: quotes over the whole text first; then, per node, the rest, which would
  // change the text's length (so cannot be done on the whole text and sliced back into the nodes).
  const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(retextSmartypants, { quotes: false });
  return (tree: Root) => {
    const nodes: Nodes[] = [];
    let text = '';
    visit(tree, (node, _index, parent) => {
      if (!parent || !VISITED.has(node.type) || !outsideCode(parent)) return;
      if (node.type === 'text') text += node.value;
      // Inline code takes its place in the text (its length) without its characters.
      else if (node.type === 'inlineCode') text += 'A'.repeat(node.value.length);
      else if (BLOCKS.has(node.type)) text += ' ';
      else return;
      nodes.push(node);
    });
    if (STRAIGHT_QUOTE.test(text)) text = quotes.processSync(text).toString();
    let start = 0;
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') {
        const end = start + node.value.length;
        if (node.type === 'text') {
          const value = text.slice(start, end);
          node.value = SECOND_PASS_CHANGES.test(value) ? rest.processSync(value).toString() : value;
        }
        start = end;
      } else {
        start += 1;
      }
    }
    // Only an opening single quote can be one curled the wrong way.
    if (text.includes('‘')) apostrophesAfterLeaves(tree);
  };
}

// Inline nodes whose text smartypants does not read: a quote right after one is glued to a word.
const LEAVES = new Set(['inlineMath', 'inlineCode', 'mystRole', 'image', 'imageReference', 'mdxTextExpression']);

/**
 * Where smartypants goes wrong: the text of inline math and of a MyST role is not part of the text
 * it reads, so in "$b$'s threshold" or "{term}`proxy`'s quality" it sees "'s" at the start of a
 * word and curls it as an opening quote (‘s). A quote glued to the end of such a node closes or is
 * an apostrophe: it is turned into ’. (remark-smartypants, which Astro runs, does the same wrong
 * thing; the test compares the book's plugin with it plus this step.)
 */
export function apostrophesAfterLeaves(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as Nodes[];
    for (let index = 1; index < children.length; index++) {
      const child = children[index];
      const before = children[index - 1];
      if (child?.type === 'text' && before && LEAVES.has(before.type) && child.value.startsWith('‘')) {
        child.value = `’${child.value.slice(1)}`;
      }
    }
  });
}

function outsideCode(parent: Parents): boolean {
  return parent.type !== 'mdxJsxTextElement' || (typeof parent.name === 'string' && !CODE_ELEMENTS.has(parent.name));
}

/**
 * Smart punctuation for Markdown parsed apart from a chapter's text (a directive's body, a glossary
 * definition): one transformer for the whole process, as the plugin's.
 */
export function punctuateTree(tree: Root): void {
  sharedPunctuation(tree);
}

/**
 * A plain text shown on a page outside the chapter's Markdown (a learning objective or a description
 * from the frontmatter) with the same smart punctuation as the chapter's text.
 */
export function smartPunctuationOf(text: string): string {
  const node: Text = { type: 'text', value: text };
  sharedPunctuation({ type: 'root', children: [{ type: 'paragraph', children: [node] }] });
  return node.value;
}

const sharedPunctuation = remarkSmartPunctuation();
