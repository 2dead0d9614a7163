/**
 * Copy-link buttons and copy buttons, with one delegated click handler for the whole page.
 *
 * - `a[data-copy-link]`: the anchors of headings, figures, equations and callouts
 *   (src/markdown/link-anchors). Without scripts they are plain links to their fragment; here they
 *   become buttons that copy the fragment's absolute URL (./copy-link-url.ts).
 * - `button[data-copy-target="id"]`: copies the text of the element `id` (the cite panel's formats);
 *   rendered `hidden`, shown here, since without scripts it could do nothing.
 *
 * Each copy is confirmed in one live region ("Link copied"), shown as a short notice and announced by
 * screen readers. Where the clipboard is unavailable (an insecure origin, a refused permission) a
 * copied link is put in the address bar instead, and the notice says so.
 */
import { copyLinkUrl } from './copy-link-url.ts';

const NOTICE_MS = 2500;

export function setupCopyLinks(): void {
  const status = document.createElement('p');
  status.className = 'copy-status';
  status.setAttribute('role', 'status');
  document.body.append(status);
  let timer: number | undefined;
  let last: Element | undefined;
  const announce = (message: string, button: Element) => {
    // Emptied first, so that a second copy of the same kind is announced again.
    status.textContent = '';
    requestAnimationFrame(() => (status.textContent = message));
    last?.removeAttribute('data-copied');
    (last = button).setAttribute('data-copied', '');
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      status.textContent = '';
      button.removeAttribute('data-copied');
    }, NOTICE_MS);
  };
  const copy = (text: string) => navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'));

  for (const anchor of document.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]')) {
    anchor.setAttribute('role', 'button');
    anchor.setAttribute('aria-label', (anchor.getAttribute('aria-label') ?? 'Link').replace(/^Link/, 'Copy link'));
    anchor.title = 'Copy link';
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) button.hidden = false;

  document.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target as Element;
    const anchor = target.closest<HTMLAnchorElement>('a[data-copy-link]');
    if (anchor) {
      event.preventDefault();
      const id = decodeURIComponent(anchor.hash.slice(1));
      const url = copyLinkUrl(id, document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href, location.href);
      copy(url).then(
        () => announce('Link copied', anchor),
        () => {
          location.hash = id;
          announce('Link in the address bar', anchor);
        },
      );
      return;
    }
    const button = target.closest<HTMLButtonElement>('button[data-copy-target]');
    const source = button && document.getElementById(button.dataset.copyTarget ?? '');
    if (button && source) {
      copy(source.innerText.trim()).then(
        () => announce(`${button.dataset.copyWhat ?? 'Text'} copied`, button),
        () => announce('Copying is not allowed here: select the text instead', button),
      );
    }
  });
  // A button is pressed with Space as well as Enter (a link only takes Enter).
  document.addEventListener('keydown', (event) => {
    const anchor = event.key === ' ' && (event.target as Element).closest?.('a[data-copy-link]');
    if (!anchor) return;
    event.preventDefault();
    (anchor as HTMLElement).click();
  });
}
