/**
 * The syllabus page's "Copy as a list": copies the chapter list in the format the reader picked
 * (Markdown or plain text), from the texts the page already carries (src/components/SyllabusCopy.astro),
 * and says so in a status line that screen readers announce. Where the clipboard is refused (an
 * insecure context, a denied permission), it opens the texts and selects the list, to copy by hand.
 */

/** Wire the copy control of the page, if it has one. */
export function setupSyllabusCopy(): void {
  const root = document.querySelector<HTMLElement>('[data-syllabus-copy]');
  const controls = root?.querySelector<HTMLElement>('[data-syllabus-copy-controls]');
  const button = root?.querySelector<HTMLButtonElement>('[data-syllabus-copy-button]');
  const status = root?.querySelector<HTMLElement>('[data-syllabus-copy-status]');
  const texts = root?.querySelector<HTMLDetailsElement>('[data-syllabus-copy-texts]');
  if (!root || !controls || !button || !status || !texts) return;
  controls.hidden = false;
  button.addEventListener('click', async () => {
    const format = root.querySelector<HTMLInputElement>('input[name="syllabus-format"]:checked')?.value ?? 'markdown';
    const source = root.querySelector<HTMLElement>(`pre[data-format="${format}"]`);
    if (!source) return;
    const label = format === 'plain' ? 'plain text' : 'Markdown';
    const lines = (source.textContent ?? '').split('\n').filter((line) => line.trim() !== '').length;
    try {
      await navigator.clipboard.writeText(source.textContent ?? '');
      status.textContent = `Copied ${lines} chapters as ${label}.`;
    } catch {
      texts.open = true;
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      source.focus();
      status.textContent = `Copying is not allowed here: the ${label} list is selected below, press Ctrl+C (⌘C on a Mac) to copy it.`;
    }
  });
}
