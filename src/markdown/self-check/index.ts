/**
 * remark plugin for self-check questions, as the author writes them in `.md`, `.mdx` and notebook
 * Markdown cells (backtick or colon fence):
 *
 *     ```{self-check} Which criterion requires equal selection rates across groups?
 *     :label: sc-measure-independence
 *     - [ ] Equal opportunity
 *       - Equal opportunity compares true positive rates, not selection rates.
 *     - [x] Demographic parity
 *
 *     Explanation, in Markdown: everything after the option list.
 *     ```
 *
 * or numeric, with `:answer: 0.052` and `:tolerance: 0.001` (absolute) or `:tolerance-relative: 0.01`
 * instead of the list. The result is a `selfCheck` node that renders as a form which works without
 * JavaScript: the options (radio buttons, or checkboxes when more than one is correct) in a
 * `<fieldset>` whose `<legend>` is the question, and the answer and explanation behind a `<details>`
 * "Show answer". The page's script (src/scripts/self-check.ts, loaded only on pages with questions)
 * adds the Check button, the feedback, and the reader's progress. Problems are errors (rule
 * `self-check-valid`), all reported at their line; the question is then replaced by a placeholder.
 * The label's uniqueness in the book is checked with the other labels (book/cross-reference-targets.ts).
 */
import type { BlockContent, Code, Data, Parent, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { footnoteLabels } from '../directives/parse-body.js';
import { readDirective } from '../directives/parse-directive.js';
import { readSelfCheck, type SelfCheckQuestion } from './read-question.js';

/** A piece of a question's markup: an element (`data.hName`) around Markdown content. */
export interface SelfCheckPart extends Parent {
  type: 'selfCheckPart';
  children: (BlockContent | PhrasingContent | SelfCheckPart)[];
}

/** A question in the tree; `data.selfCheck` records its label and question text for cross-references. */
export interface SelfCheck extends Parent {
  type: 'selfCheck';
  children: SelfCheckPart[];
  data?: Data & { selfCheck?: { label: string; title: string } };
}

declare module 'mdast' {
  interface BlockContentMap {
    selfCheck: SelfCheck;
    selfCheckPart: SelfCheckPart;
  }
  interface PhrasingContentMap {
    selfCheckPart: SelfCheckPart;
  }
  interface RootContentMap {
    selfCheck: SelfCheck;
    selfCheckPart: SelfCheckPart;
  }
}

export default function remarkSelfCheck() {
  return (tree: Root, file: VFile) => transformSelfChecks(tree, file);
}

/** Replace each `{self-check}` directive by its question, reporting its problems on `file`. */
export function transformSelfChecks(tree: Root, file?: VFile): void {
  const labels = footnoteLabels(tree);
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined) return;
    const directive = readDirective(node);
    if (directive?.name !== 'self-check') return;
    const { question, problems } = readSelfCheck(directive, labels);
    for (const problem of problems) {
      if (file) file.message(`\`{self-check}\` ${problem.reason}`, { place: problem.place, ruleId: RuleId.selfCheckValid, source: 'self-check' }).fatal = true;
    }
    parent.children[index] = question
      ? selfCheckNode(question, node)
      : {
          type: 'paragraph',
          data: { hProperties: { className: ['role-placeholder'] } },
          children: [{ type: 'text', value: 'Self-check question not shown: see the build’s errors.' }],
        };
  });
}

function part(hName: string, hProperties: Record<string, unknown>, children: SelfCheckPart['children'] = []): SelfCheckPart {
  return { type: 'selfCheckPart', data: { hName, hProperties: hProperties as never }, children };
}

/** The question's form (see the module comment for its parts). */
export function selfCheckNode(question: SelfCheckQuestion, node?: Code): SelfCheck {
  const { label } = question;
  const legend = part('legend', { className: ['self-check-question'] }, question.question);
  const fieldset =
    question.kind === 'choice'
      ? part('fieldset', {}, [
          legend,
          ...(question.options.filter((option) => option.correct).length > 1 ? [part('p', { className: ['self-check-hint'] }, [{ type: 'text', value: 'Select all that apply.' }])] : []),
          part(
            'ul',
            // `role="list"`: WebKit drops the list semantics of lists styled without markers.
            { className: ['self-check-options'], role: 'list' },
            question.options.map((option, index) =>
              part('li', { className: ['self-check-option'] }, [
                part('label', {}, [
                  part('input', {
                    type: question.options.filter((candidate) => candidate.correct).length > 1 ? 'checkbox' : 'radio',
                    name: label,
                    value: String(index),
                    dataCorrect: option.correct ? '' : undefined,
                  }),
                  part('span', {}, option.content),
                ]),
                ...(option.feedback.length > 0 ? [part('div', { className: ['self-check-option-feedback'], hidden: true }, option.feedback)] : []),
              ]),
            ),
          ),
        ])
      : part('fieldset', {}, [
          legend,
          part('p', { className: ['self-check-number'] }, [
            part('label', { htmlFor: `${label}-answer` }, [{ type: 'text', value: 'Your answer' }]),
            { type: 'text', value: ' ' },
            part('input', {
              type: 'text',
              id: `${label}-answer`,
              name: label,
              inputMode: 'decimal',
              autoComplete: 'off',
              spellCheck: 'false',
              dataAnswer: String(question.answer),
              dataTolerance: String(question.tolerance),
              dataToleranceRelative: String(question.toleranceRelative),
            }),
          ]),
          part('p', { className: ['self-check-hint'] }, [{ type: 'text', value: 'A number such as 0.25, 25% or 1/4.' }]),
        ]);
  const answer: SelfCheckPart['children'] =
    question.kind === 'choice'
      ? joinAnswers(question.options.filter((option) => option.correct).map((option) => structuredClone(option.content)))
      : [{ type: 'text', value: `${question.answerText}${toleranceText(question)}` }];
  return {
    type: 'selfCheck',
    position: node?.position,
    data: {
      hName: 'form',
      hProperties: { className: ['self-check'], id: label, dataSelfCheck: question.kind },
      selfCheck: { label, title: toString({ type: 'paragraph', children: question.question }) },
    },
    children: [
      fieldset,
      part('p', { className: ['self-check-actions'], hidden: true }, [part('button', { type: 'submit' }, [{ type: 'text', value: 'Check' }])]),
      part('div', { className: ['self-check-feedback'], role: 'status', ariaLive: 'polite' }),
      part('details', { className: ['self-check-reveal'] }, [
        part('summary', {}, [{ type: 'text', value: 'Show answer' }]),
        part('p', { className: ['self-check-answer'] }, [part('strong', {}, [{ type: 'text', value: 'Answer: ' }]), ...answer]),
        part('div', { className: ['self-check-explanation'] }, question.explanation),
      ]),
    ],
  };
}

/** "A; B" for the correct options of a select-all question. */
function joinAnswers(answers: PhrasingContent[][]): PhrasingContent[] {
  return answers.flatMap((answer, index) => (index === 0 ? answer : [{ type: 'text', value: '; ' } as PhrasingContent, ...answer]));
}

function toleranceText(question: SelfCheckQuestion & { kind: 'numeric' }): string {
  const parts = [
    ...(question.tolerance > 0 ? [`± ${question.tolerance}`] : []),
    ...(question.toleranceRelative > 0 ? [`± ${+(question.toleranceRelative * 100).toPrecision(6)}%`] : []),
  ];
  return parts.length > 0 ? ` (answers within ${parts.join(' or ')} are accepted)` : '';
}
