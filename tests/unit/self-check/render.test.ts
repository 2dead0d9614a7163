/** `{self-check}` directives become forms that work without JavaScript; bad ones are reported together. */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkDirectives from '../../../src/markdown/directives/index.js';
import remarkDirectivesCheck from '../../../src/markdown/directives-check/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import remarkSelfCheck from '../../../src/markdown/self-check/index.js';

function render(source: string, mdx = true) {
  const file = new VFile(source);
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (mdx) processor.use(remarkMdx);
  processor.use(remarkMath).use(remarkDirectives).use(remarkSelfCheck).use(remarkDirectivesCheck).use(remarkMystRoles);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { html: unified().use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file)), file, tree };
}

const CHOICE = [
  '```{self-check} Which criterion requires equal *selection rates* across groups?',
  ':label: sc-measure-independence',
  '- [ ] Equal opportunity',
  '  - Equal opportunity compares true positive rates, not selection rates.',
  '- [x] Demographic parity',
  '- [ ] Predictive parity',
  '',
  'Explanation: demographic parity asks $P(\\hat Y = 1 \\mid A = a)$ to be equal, see {cite:p}`key`.',
  '```',
  '',
].join('\n');

const NUMERIC = [
  '```{self-check} A group has PPV 0.6, FNR 0.3 and base rate 0.1. What is its false positive rate?',
  ':label: sc-measure-fpr',
  ':answer: 0.052',
  ':tolerance: 0.001',
  '',
  'Because $\\text{FPR} = \\ldots$.',
  '```',
  '',
].join('\n');

describe('self-check rendering', () => {
  it('should render a one-answer question as radio buttons in a fieldset, the question as its legend', () => {
    const { html, file } = render(CHOICE);
    expect(file.messages).toEqual([]);
    expect(html).toMatch(/^<form class="self-check" id="sc-measure-independence" data-self-check="choice"><fieldset><legend class="self-check-question">Which criterion requires equal <em>selection rates<\/em> across groups\?<\/legend>/);
    expect(html.match(/<input type="radio" name="sc-measure-independence" value="\d"/g)).toHaveLength(3);
    expect(html).toContain('<label><input type="radio" name="sc-measure-independence" value="1" data-correct=""><span>Demographic parity</span></label>');
    expect(html).not.toContain('Select all that apply');
  });

  it('should keep an option’s feedback with it, hidden until the reader picks it', () => {
    const { html } = render(CHOICE);
    expect(html).toContain('<span>Equal opportunity</span></label><div class="self-check-option-feedback" hidden><p>Equal opportunity compares true positive rates, not selection rates.</p></div></li>');
  });

  it('should put the answer and the explanation behind a “Show answer” reveal, without the “Explanation:” lead-in', () => {
    const { html } = render(CHOICE);
    expect(html).toMatch(
      /<details class="self-check-reveal"><summary>Show answer<\/summary><p class="self-check-answer"><strong>Answer: <\/strong>Demographic parity<\/p><div class="self-check-explanation"><p>demographic parity asks <code class="language-math math-inline">/,
    );
  });

  it('should leave the Check button hidden and the live region empty for the script', () => {
    const { html } = render(CHOICE);
    expect(html).toContain('<p class="self-check-actions" hidden><button type="submit">Check</button></p><div class="self-check-feedback" role="status" aria-live="polite"></div>');
  });

  it('should type roles in the question’s explanation at their line in the chapter', () => {
    const { tree } = render(`Intro.\n\n${CHOICE}`);
    const roles: { line?: number }[] = [];
    const walk = (node: { type: string; children?: unknown[]; position?: { start: { line: number } } }) => {
      if (node.type === 'cite') roles.push({ line: node.position?.start.line });
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree as never);
    expect(roles).toEqual([{ line: 10 }]);
  });

  it('should use checkboxes and say “select all that apply” when several options are correct', () => {
    const { html, file } = render(CHOICE.replace('- [ ] Predictive parity', '- [X] Predictive parity'));
    expect(file.messages).toEqual([]);
    expect(html.match(/type="checkbox"/g)).toHaveLength(3);
    expect(html).toContain('<p class="self-check-hint">Select all that apply.</p>');
    expect(html).toContain('<strong>Answer: </strong>Demographic parity; Predictive parity</p>');
  });

  it('should render a numeric question as a labelled text field carrying the answer and tolerances', () => {
    const { html, file } = render(NUMERIC);
    expect(file.messages).toEqual([]);
    expect(html).toContain('data-self-check="numeric"');
    expect(html).toContain(
      '<label for="sc-measure-fpr-answer">Your answer</label> <input type="text" id="sc-measure-fpr-answer" name="sc-measure-fpr" inputmode="decimal" autocomplete="off" spellcheck="false" data-answer="0.052" data-tolerance="0.001" data-tolerance-relative="0">',
    );
    expect(html).toContain('<strong>Answer: </strong>0.052 (answers within ± 0.001 are accepted)</p>');
  });

  it('should read the same directive in a colon fence and in a .md chapter', () => {
    const colon = CHOICE.replace('```{self-check}', ':::{self-check}').replace(/```\n$/, ':::\n');
    const { html, file } = render(colon, false);
    expect(file.messages).toEqual([]);
    expect(html).toContain('<legend class="self-check-question">');
  });
});

/** The messages of a directive, as `line:column rule reason`. */
function messagesOf(source: string) {
  const { file, html } = render(source);
  return { html, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`), fatal: file.messages.every((message) => message.fatal === true) };
}

describe('self-check errors', () => {
  it('should report every problem of a question together, each at its line, and show a placeholder', () => {
    const source = ['Text.', '', '```{self-check} Which?', ':lable: sc-x', ':tolerance: 0.1', '- [ ] One', '- [ ] Two', '```', ''].join('\n');
    const { messages, fatal, html } = messagesOf(source);
    expect(fatal).toBe(true);
    expect(messages).toEqual([
      '4:1 self-check-valid `{self-check}` has no option `:lable:` (did you mean `:label:`?); its options: `:label:`, `:answer:`, `:tolerance:`, `:tolerance-relative:`',
      expect.stringMatching(/^3:1 self-check-valid `\{self-check\}` needs a `:label:`/),
      expect.stringMatching(/^6:1 self-check-valid `\{self-check\}` has no explanation/),
      '5:1 self-check-valid `{self-check}` has `:tolerance:` but no `:answer:`: tolerances apply to numeric questions only',
      '6:1 self-check-valid `{self-check}` has no correct option: mark at least one with `[x]`',
    ]);
    expect(html).toContain('Self-check question not shown');
    expect(html).not.toContain('<form');
  });

  it('should report a numeric question without an answer, and non-numeric answers and tolerances', () => {
    expect(messagesOf('```{self-check} How many?\n:label: sc-n\n\nBecause.\n```\n').messages).toEqual([
      expect.stringMatching(/^4:1 self-check-valid `\{self-check\}` needs options or an answer: a task list/),
    ]);
    expect(messagesOf('```{self-check} How many?\n:label: sc-n\n:answer: about 5\n:tolerance: 1%\n:tolerance-relative: -1\n\nBecause.\n```\n').messages).toEqual([
      '3:1 self-check-valid `{self-check}` has `:answer: about 5`, which is not a number; write a plain decimal such as `0.052`',
      '4:1 self-check-valid `{self-check}` has `:tolerance: 1%`, which is not a number ≥ 0; write a plain decimal such as `0.001`',
      '5:1 self-check-valid `{self-check}` has `:tolerance-relative: -1`, which is not a number ≥ 0; write a plain decimal such as `0.001`',
    ]);
  });

  it('should report an empty explanation, a missing question and a malformed label', () => {
    expect(messagesOf('```{self-check}\n:label: 1-bad\n:answer: 3\n```\n').messages).toEqual([
      expect.stringMatching(/^2:1 self-check-valid `\{self-check\}` has the label `1-bad`, which is not a valid id/),
      expect.stringMatching(/^1:1 self-check-valid `\{self-check\}` needs its question after the name/),
      expect.stringMatching(/^4:1 self-check-valid `\{self-check\}` has no explanation: write, after the `:answer:` line/),
    ]);
  });

  it('should report options that are not tasks, feedback of more than one bullet, a single option, options with an answer', () => {
    const source = ['```{self-check} Which?', ':label: sc-q', '- [x] One', '  - Why.', '  - And why not.', '- Two', '', 'Because.', '```', ''].join('\n');
    expect(messagesOf(source).messages).toEqual([
      expect.stringMatching(/^4:3 self-check-valid `\{self-check\}` has an option with more than its text/),
      expect.stringMatching(/^6:1 self-check-valid `\{self-check\}` has an option that is not a task/),
    ]);
    expect(messagesOf('```{self-check} Which?\n:label: sc-q\n- [x] Only\n\nBecause.\n```\n').messages).toEqual([
      '3:1 self-check-valid `{self-check}` has one option: a multiple-choice question needs at least two',
    ]);
    expect(messagesOf('```{self-check} Which?\n:label: sc-q\n:answer: 1\n- [x] One\n- [ ] Two\n\nBecause.\n```\n').messages).toEqual([
      expect.stringMatching(/^4:1 self-check-valid `\{self-check\}` has both options \(a task list\) and `:answer:`/),
    ]);
  });
});
