/**
 * What a chapter holds, counted on its structural tree (the one the book context parses once per
 * build for every whole-book index, src/book/parse-chapter.ts): the words a reader reads, display
 * formulas, figures, interactive figures and exercises. The syllabus page and each chapter's reading
 * time (reading-time.ts) read these counts; nothing parses a chapter again for them.
 *
 * What counts as read, and why:
 * - words of the text as the page shows it open: paragraphs, headings, lists, tables, callouts,
 *   figure captions, footnotes, and the code of code blocks and notebook code cells (a reader of this
 *   book reads the code);
 * - an inline formula counts as one word, a citation or a cross-reference as two (what the page
 *   prints in their place: "Dai et al., 2024", "Figure 1.2");
 * - not counted: whatever a reader has to open first — the contents of `<details>` (exercise answers,
 *   hints, notebook cells hidden by `hide-*` tags) and of collapsed dropdowns —, notebook outputs and other raw HTML (tables of
 *   data and images are looked at, not read word by word), and MDX code (imports, expressions).
 *
 * Exercises are the three ways the book's chapters write them: headings `### Exercise 1 (…)`,
 * paragraphs that open with a bold `**Exercise 1 (…).**`, or, in a `## Exercises` section that has
 * neither, the items of its numbered or bulleted lists.
 */
import type { Heading, Html, Nodes, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** The counts of one chapter. */
export interface ChapterCounts {
  /** Words read (see the module's comment for what counts). */
  words: number;
  /** Display formulas: `$$…$$`, bare amsmath environments, `{math}` directives. */
  displayFormulas: number;
  /** Figures that are pictures: `{figure}` directives and images outside them. */
  figures: number;
  /** `{interactive}` figures. */
  interactiveFigures: number;
  exercises: number;
}

const EXERCISE = /^Exercise\b/i;
const EXERCISES_SECTION = /^Exercises?$/i;
/** Words: runs of characters between white space (a formula's or a code line's tokens included). */
const WORD = /\S+/g;

function wordsIn(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Count `tree`, a chapter's structural tree. */
export function countChapter(tree: Root): ChapterCounts {
  const counts: ChapterCounts = { words: 0, displayFormulas: 0, figures: 0, interactiveFigures: 0, exercises: 0 };
  countWords(tree, counts);
  countFigures(tree, counts);
  counts.exercises = countExercises(tree);
  return counts;
}

/** Whether `node` opens (1), closes (−1) or leaves alone (0) a raw HTML `<details>` (as in `.md` and notebooks). */
function detailsDepthChange(node: Html): number {
  const opened = node.value.match(/<details\b/gi)?.length ?? 0;
  const closed = node.value.match(/<\/details\s*>/gi)?.length ?? 0;
  return opened - closed;
}

/** Words of the open text, and display formulas wherever they are (a hidden answer's formula is not read). */
function countWords(parent: { children: Nodes[] }, counts: ChapterCounts): void {
  // In Markdown (not MDX), `<details>` and `</details>` are separate HTML nodes around the hidden siblings.
  let hiddenDepth = 0;
  for (const node of parent.children) {
    if (node.type === 'html') {
      hiddenDepth = Math.max(0, hiddenDepth + detailsDepthChange(node));
      continue;
    }
    if (hiddenDepth > 0) continue;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
        counts.words += wordsIn(node.value);
        break;
      case 'glossaryTerm':
        counts.words += wordsIn(node.value);
        break;
      case 'inlineMath':
        counts.words += 1;
        break;
      case 'cite':
        counts.words += 2 * node.keys.length;
        break;
      case 'crossReference':
        counts.words += node.text ? wordsIn(node.text) : 2;
        break;
      case 'math':
        counts.displayFormulas += 1;
        break;
      case 'yaml':
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        break;
      case 'callout':
        // A dropdown is a `<details>` too: collapsed unless the author wrote `:open:`.
        if (!node.dropdown || node.data?.hProperties?.open === true) countWords(node, counts);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        // An MDX `<details>` holds what the reader opens (answers, hints): not part of the reading.
        if (node.name !== 'details') countWords(node, counts);
        break;
      default:
        if ('children' in node) countWords(node as { children: Nodes[] }, counts);
    }
  }
}

/** Figures and interactive figures (the figures plugin made both `figure` nodes), and loose images. */
function countFigures(parent: { children: Nodes[] }, counts: ChapterCounts): void {
  for (const node of parent.children) {
    if (node.type === 'figure') {
      const className = node.data?.hProperties?.className;
      if (Array.isArray(className) && className.includes('figure-interactive')) counts.interactiveFigures += 1;
      else counts.figures += 1;
      continue; // A figure's image is the figure.
    }
    if (node.type === 'image') counts.figures += 1;
    if ('children' in node) countFigures(node as { children: Nodes[] }, counts);
  }
}

function opensWithBoldExercise(node: Paragraph): boolean {
  const first = node.children[0];
  return first?.type === 'strong' && EXERCISE.test(toString(first).trim());
}

/** Exercises among the top-level blocks (see the module's comment for the three forms). */
function countExercises(tree: Root): number {
  let total = 0;
  // The current `## Exercises` section's list items, counted only if it has no other form.
  let section: { marked: number; listItems: number } | undefined;
  const closeSection = () => {
    if (section) total += section.marked > 0 ? 0 : section.listItems;
    section = undefined;
  };
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const text = toString(node as Heading).trim();
      if (node.depth <= 2) {
        closeSection();
        if (node.depth === 2 && EXERCISES_SECTION.test(text)) section = { marked: 0, listItems: 0 };
      } else if (EXERCISE.test(text)) {
        total += 1;
        if (section) section.marked += 1;
      }
    } else if (node.type === 'paragraph' && opensWithBoldExercise(node)) {
      total += 1;
      if (section) section.marked += 1;
    } else if (node.type === 'list' && section) {
      section.listItems += node.children.length;
    }
  }
  closeSection();
  return total;
}
