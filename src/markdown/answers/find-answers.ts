/**
 * What counts as the answer of an exercise, and which exercise it answers; the one definition the
 * graded edition relies on (README, "Exercise answers and the graded edition").
 *
 * An answer is a collapsible block whose title is an answer title:
 * - in `.mdx`: `<details>` whose first child is `<summary>Title</summary>`;
 * - in `.md` and notebooks: the same HTML, from the `<details>` line to its matching `</details>`;
 * - in MyST: a `{dropdown} Title`, or any admonition with `:class: dropdown` titled so
 *   (`{admonition} Title`, `{tip} Title`), after the callouts plugin made them `callout` nodes.
 *
 * Answer titles (case ignored, a final `.` or `:` ignored): `Answer`, `Solution`, their plurals, each
 * optionally after `Possible`, `Model`, `Sample`, `Suggested`, `Short` or `Worked`; and `Discussion` when
 * the block belongs to an exercise. `Hint` is not an answer: hints are for students and stay.
 *
 * The exercise is the text before the answer, back to the previous heading or answer, in the same
 * parent (a list item for exercises written as a numbered list). Its number and title come from, in
 * order: a paragraph that opens with `**Exercise N (title).**`; the number of its item in an ordered
 * list (title: the item's leading bold text); a heading `Exercise N (title)` or `Exercise N: title`.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';

const ANSWER_TITLE = /^(?:(?:possible|model|sample|suggested|short|worked)\s+)?(?:answers?|solutions?)$/i;
const DISCUSSION_TITLE = /^discussion$/i;
const EXERCISE_LABEL = /^exercise\s+(\d+)\b\s*[.:—–-]?\s*(.*)$/i;
const EXERCISES_HEADING = /^exercises?\b/i;
const DETAILS_OPEN = /^<details\b[^>]*>\s*<summary\b[^>]*>([\s\S]*?)<\/summary>([\s\S]*)$/i;

/** An answer found in a chapter's tree, with where it sits and the exercise it answers. */
export interface FoundAnswer {
  /** The parent holding the answer block, and the block's first and last index in it. */
  parent: Parent;
  start: number;
  end: number;
  /** The block's title as written (`Answer`, `Possible answer`). */
  answerTitle: string;
  /** The answer's content (without its title). */
  body: RootContent[];
  /** The exercise's number, when it has one. */
  exercise?: number;
  /** The exercise's title (`the other way round`), or the section's heading for an answer outside a numbered exercise. */
  title: string;
  /** The exercise's text, without its answers and without the leading `**Exercise N (…).**` label. */
  question: RootContent[];
  position?: Position;
}

interface Block {
  end: number;
  title: string;
  body: RootContent[];
}

/** The collapsible block starting at `children[index]`, if any (answer or not). */
function collapsibleAt(children: RootContent[], index: number): Block | undefined {
  const node = children[index] as Nodes;
  if (node.type === 'mdxJsxFlowElement' && node.name === 'details') {
    const [first, ...rest] = node.children;
    const summary =
      first?.type === 'mdxJsxFlowElement' && first.name === 'summary'
        ? first
        : first?.type === 'paragraph' && first.children.length === 1 && first.children[0]?.type === 'mdxJsxTextElement' && first.children[0].name === 'summary'
          ? first.children[0]
          : undefined;
    if (!summary) return undefined;
    return { end: index, title: toString(summary), body: rest as RootContent[] };
  }
  if (node.type === 'callout' && node.dropdown) {
    const [title, ...rest] = node.children;
    return { end: index, title: title ? toString(title) : '', body: rest };
  }
  if (node.type === 'html') {
    const open = DETAILS_OPEN.exec(node.value.trim());
    if (!open) return undefined;
    const title = (open[1] as string).replace(/<[^>]*>/g, '');
    const after = (open[2] as string).trim();
    // The whole block in one HTML node (no blank line inside): its body is the rest of the HTML.
    let depth = 1 + countTags(after, /<details\b/gi) - countTags(after, /<\/details>/gi);
    if (depth <= 0) return { end: index, title, body: [{ type: 'html', value: after.replace(/<\/details>\s*$/i, '') }] };
    const body: RootContent[] = after ? [{ type: 'html', value: after }] : [];
    for (let next = index + 1; next < children.length; next++) {
      const sibling = children[next] as RootContent;
      if (sibling.type === 'html') depth += countTags(sibling.value, /<details\b/gi) - countTags(sibling.value, /<\/details>/gi);
      if (depth <= 0) return { end: next, title, body };
      body.push(sibling);
    }
    // Never closed: the browser would hide the rest of the section in it, so it is all answer.
    return { end: children.length - 1, title, body };
  }
  return undefined;
}

const countTags = (html: string, tag: RegExp) => html.match(tag)?.length ?? 0;

/** Whether a block's title makes it an answer (see the module's comment). */
export function isAnswerTitle(title: string, inExercise: boolean): boolean {
  const bare = title.trim().replace(/[.:]$/, '').trim();
  return ANSWER_TITLE.test(bare) || (inExercise && DISCUSSION_TITLE.test(bare));
}

/** `(the other way round).` → `the other way round`. */
function cleanTitle(text: string): string {
  return text
    .trim()
    .replace(/[.:]$/, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
}

interface Context {
  heading?: Heading;
  /** The ordered list and item index, when inside a list item. */
  item?: { list: List; index: number };
}

/** The exercise a block at `index` of `parent` answers: number, title, and its text. */
function exerciseOf(parent: Parent, from: number, index: number, context: Context): Pick<FoundAnswer, 'exercise' | 'title' | 'question'> {
  // From the previous heading or answer: no answer lies in between (findAnswers jumps over each).
  const question = parent.children.slice(from, index) as RootContent[];
  const first = question[0];
  const lead = first?.type === 'paragraph' && first.children[0]?.type === 'strong' ? toString(first.children[0]) : undefined;
  const labelled = lead ? EXERCISE_LABEL.exec(lead.trim()) : null;
  if (labelled && first?.type === 'paragraph') {
    return { exercise: Number(labelled[1]), title: cleanTitle(labelled[2] as string), question: [withoutLead(first), ...question.slice(1)] };
  }
  if (context.item?.list.ordered && parent.type === 'listItem') {
    const exercise = (context.item.list.start ?? 1) + context.item.index;
    if (lead && first?.type === 'paragraph') return { exercise, title: cleanTitle(lead), question: [withoutLead(first), ...question.slice(1)] };
    return { exercise, title: '', question };
  }
  const heading = context.heading ? toString(context.heading) : '';
  const headed = EXERCISE_LABEL.exec(heading.trim());
  if (headed) return { exercise: Number(headed[1]), title: cleanTitle(headed[2] as string), question };
  return { title: heading, question };
}

/** The paragraph without its leading bold label (and the space after it). */
function withoutLead(paragraph: Paragraph): Paragraph {
  const rest = paragraph.children.slice(1) as PhrasingContent[];
  const head = rest[0];
  if (head?.type === 'text') rest[0] = { ...head, value: head.value.replace(/^\s+/, '') };
  return { ...paragraph, children: rest };
}

function inExercise(context: Context): boolean {
  const heading = context.heading ? toString(context.heading).trim() : '';
  return EXERCISE_LABEL.test(heading) || EXERCISES_HEADING.test(heading) || context.item !== undefined;
}

/** Every answer of a chapter's tree, in reading order. Answers are not searched inside answers. */
export function findAnswers(tree: Root): FoundAnswer[] {
  const found: FoundAnswer[] = [];
  const walk = (parent: Parent, outer: Context) => {
    const context: Context = { ...outer };
    let from = 0;
    const children = parent.children as RootContent[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as RootContent;
      if (child.type === 'heading') {
        context.heading = child;
        from = index + 1;
        continue;
      }
      const block = collapsibleAt(children, index);
      if (block && isAnswerTitle(block.title, inExercise(context))) {
        found.push({
          parent,
          start: index,
          end: block.end,
          answerTitle: block.title.trim(),
          body: block.body,
          ...exerciseOf(parent, from, index, context),
          position: child.position,
        });
        index = block.end;
        from = index + 1;
        continue;
      }
      if (child.type === 'list') {
        child.children.forEach((item: ListItem, itemIndex) => walk(item, { ...context, item: { list: child, index: itemIndex } }));
      } else if ('children' in child) {
        walk(child as Parent, context);
      }
    }
  };
  walk(tree, {});
  return found;
}
