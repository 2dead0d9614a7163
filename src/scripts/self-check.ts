/**
 * Self-check questions on a chapter page (loaded by ./self-check-contents.ts only where there are
 * some). The page works without it: options can be chosen and the answer is behind "Show answer".
 * This adds the Check button, the feedback (in each question's live region, so screen readers hear
 * it; focus stays on the button), opens the explanation on a right answer, and keeps the reader's
 * progress ("3 of 5 correct") with a reset, before the chapter's first question.
 */
import { isChoiceCorrect, isNumberCorrect } from '../markdown/self-check/check-answer.ts';
import { parseReaderNumber } from '../markdown/self-check/numbers.ts';
import { progressKey, readProgress, recordResult, tally, tallyText, withLabels } from '../markdown/self-check/progress.ts';
import { bookStorage, showTallies } from './self-check-contents.ts';

const forms = [...document.querySelectorAll<HTMLFormElement>('form[data-self-check]')];
const storage = bookStorage();
const key = progressKey(location.href);
let progress = withLabels(storage ? readProgress(storage, key) : { labels: [], results: {} }, forms.map((form) => form.id));

function save(): void {
  try {
    storage?.setItem(key, JSON.stringify(progress));
  } catch {
    // Storage full or refused: progress then lasts for this visit only.
  }
  tallyOutput.textContent = tallyText(tally(progress));
  showTallies();
}

// The chapter's progress and reset, before its first question.
const area = document.createElement('div');
area.className = 'self-check-progress';
area.innerHTML = '<p>Self-check: <span></span></p><button type="button">Reset answers</button>';
const tallyOutput = area.querySelector('span') as HTMLSpanElement;
forms[0]?.before(area);
area.querySelector('button')?.addEventListener('click', () => {
  progress = withLabels({ labels: [], results: {} }, progress.labels);
  for (const form of forms) {
    form.reset();
    delete form.dataset.result;
    (form.querySelector('.self-check-feedback') as HTMLElement).textContent = '';
    (form.querySelector('details') as HTMLDetailsElement).open = false;
  }
  save();
});

/** Whether the form's answer is right; undefined when there is no answer to judge yet. */
function judge(form: HTMLFormElement, say: (text: string) => void): boolean | undefined {
  if (form.dataset.selfCheck === 'numeric') {
    const input = form.querySelector('input') as HTMLInputElement;
    const value = parseReaderNumber(input.value);
    input.setAttribute('aria-invalid', String(value === undefined));
    if (value === undefined) return void say('Enter a number, such as 0.25, 25% or 1/4.');
    const number = (name: string) => Number(input.dataset[name]);
    return isNumberCorrect(value, number('answer'), { absolute: number('tolerance'), relative: number('toleranceRelative') });
  }
  const inputs = [...form.querySelectorAll('input')];
  const selected = inputs.flatMap((input, index) => (input.checked ? [index] : []));
  if (selected.length === 0) return void say('Choose an answer first.');
  return isChoiceCorrect(selected, inputs.flatMap((input, index) => (input.hasAttribute('data-correct') ? [index] : [])));
}

for (const form of forms) {
  const feedback = form.querySelector('.self-check-feedback') as HTMLElement;
  (form.querySelector('.self-check-actions') as HTMLElement).hidden = false;
  if (form.id in progress.results) form.dataset.result = progress.results[form.id] ? 'correct' : 'wrong';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    feedback.textContent = '';
    const correct = judge(form, (text) => (feedback.textContent = text));
    if (correct === undefined) return;
    form.dataset.result = correct ? 'correct' : 'wrong';
    const verdict = document.createElement('strong');
    verdict.textContent = correct ? 'Correct.' : 'Not quite.';
    feedback.append(verdict);
    // The feedback of each chosen option, as the author wrote it (math and links included).
    for (const input of form.querySelectorAll<HTMLInputElement>('input:checked')) {
      const note = input.closest('li')?.querySelector('.self-check-option-feedback');
      // A real space, not only a margin: the live region is read as text, and "quite.The" is one word.
      if (note) feedback.append(' ', ...[...note.childNodes].map((node) => node.cloneNode(true)));
    }
    if (!correct && form.dataset.selfCheck === 'numeric') feedback.append(' Try again, or open “Show answer”.');
    if (correct) (form.querySelector('details') as HTMLDetailsElement).open = true;
    progress = recordResult(progress, form.id, correct);
    save();
  });
}
save();
