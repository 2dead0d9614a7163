/**
 * Previews of citations and cross-references: hovering, focusing or tapping a link marked
 * `data-preview` shows its target (a reference entry, a section's title and first paragraph, a figure,
 * an equation; on this page, or fetched once from another page of the book — in an export, read from
 * its `previews.js`) in one shared popover, in the top layer, so nothing on the page moves. Esc closes it. Without this script they are plain links.
 */

import { PREVIEWS_FILE, PREVIEWS_GLOBAL } from './export-previews-file.ts';

const POPOVER_ID = 'reference-preview';
const SHOW_DELAY = 120;
const HIDE_DELAY = 200;

let popover: HTMLElement | undefined;
let current: HTMLAnchorElement | undefined;
let showTimer: number | undefined;
let hideTimer: number | undefined;
let lastPointer = 'mouse';
let lastPointerTime = 0;

function popoverElement(): HTMLElement {
  if (popover) return popover;
  popover = document.createElement('div');
  popover.id = POPOVER_ID;
  popover.className = 'preview-popover';
  popover.setAttribute('role', 'tooltip');
  popover.setAttribute('popover', 'manual');
  popover.dataset.pagefindIgnore = '';
  popover.addEventListener('mouseenter', () => window.clearTimeout(hideTimer));
  popover.addEventListener('mouseleave', scheduleHide);
  document.body.append(popover);
  return popover;
}

/** Pages fetched for previews of other chapters' targets, by URL (fetched once each). */
const pages = new Map<string, Promise<Document | null>>();

/**
 * Another page of the book as a document to find the target in: fetched on the website; in an
 * exported book opened from a folder (file://, where fetch is refused), the piece of it that the
 * export wrote into `previews.js` (src/export/preview-data.ts), loaded once with a classic script.
 */
function otherPage(link: HTMLAnchorElement): Promise<Document | null> {
  if (document.documentElement.hasAttribute('data-export')) return exportedPage(link);
  return fetch(link.pathname)
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
    .then((html) => new DOMParser().parseFromString(html, 'text/html'))
    .catch(() => null); // e.g. a page opened from a folder (file://): the link still works
}

let exportedPreviews: Promise<Record<string, string>> | undefined;

async function exportedPage(link: HTMLAnchorElement): Promise<Document | null> {
  const root = new URL(document.documentElement.dataset.base ?? './', location.href);
  exportedPreviews ??= new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = new URL(PREVIEWS_FILE, root).href;
    const read = () => ((globalThis as Record<string, unknown>)[PREVIEWS_GLOBAL] as Record<string, string> | undefined) ?? {};
    script.addEventListener('load', () => resolve(read()));
    script.addEventListener('error', () => resolve({})); // the link still works
    document.head.append(script);
  });
  const html = (await exportedPreviews)[link.pathname.slice(root.pathname.length)];
  if (html === undefined) return null;
  const page = new DOMParser().parseFromString(`<base href="${root.href}">${html}`, 'text/html');
  // The previews' links are relative to the export's root: make them absolute before they are copied here.
  for (const node of page.querySelectorAll<HTMLAnchorElement>('a[href]')) node.setAttribute('href', node.href);
  return page;
}

/** The element a preview link points to: on this page, or on another page of the book. */
async function targetOf(link: HTMLAnchorElement): Promise<Element | null> {
  if (link.origin !== location.origin) return null;
  const id = decodeURIComponent(link.hash.slice(1));
  if (id && link.pathname === location.pathname) return document.getElementById(id);
  let page = pages.get(link.pathname);
  if (!page) {
    page = otherPage(link);
    pages.set(link.pathname, page);
  }
  const document_ = await page;
  // A link to a whole chapter previews its title and opening paragraph.
  return (id ? document_?.getElementById(id) : document_?.querySelector('.chapter h1')) ?? null;
}

/** What to show for a target: a heading with its section's first paragraph, or the element itself. */
function previewNodes(target: Element): Node[] {
  if (target.tagName === 'H1') {
    const title = document.createElement('strong');
    title.textContent = target.textContent ?? '';
    const opening = target.closest('.chapter')?.querySelector('.chapter-body > p');
    return opening ? [title, opening.cloneNode(true)] : [title];
  }
  if (/^H[2-6]$/.test(target.tagName)) {
    const title = document.createElement('strong');
    title.textContent = target.textContent ?? '';
    const nodes: Node[] = [title];
    let next = target.nextElementSibling;
    while (next && next.tagName !== 'P' && !/^H[1-6]$/.test(next.tagName)) next = next.nextElementSibling;
    if (next?.tagName === 'P') nodes.push(next.cloneNode(true));
    return nodes;
  }
  const content = target.querySelector('[data-preview-content]') ?? target;
  return target === content && target.tagName !== 'LI' ? [target.cloneNode(true)] : [...content.childNodes].map((node) => node.cloneNode(true));
}

async function show(link: HTMLAnchorElement): Promise<void> {
  const target = await targetOf(link);
  if (!target) return;
  const element = popoverElement();
  element.replaceChildren(...previewNodes(target));
  // Ids must stay unique, and back-links belong to the entry, not to its preview.
  for (const node of element.querySelectorAll('[id]')) node.removeAttribute('id');
  for (const node of element.querySelectorAll('.back-links, .heading-anchor, .copy-link')) node.remove();
  if (lastPointer === 'touch') {
    const go = document.createElement('a');
    go.href = link.href;
    go.className = 'preview-go';
    go.textContent = 'Go there';
    element.append(go);
  }
  current?.removeAttribute('aria-describedby');
  current = link;
  link.setAttribute('aria-describedby', POPOVER_ID);
  if (!element.matches(':popover-open')) element.showPopover();
  place(element, link);
}

function place(element: HTMLElement, link: HTMLElement): void {
  const anchor = link.getBoundingClientRect();
  const margin = 8;
  const width = Math.min(element.offsetWidth, window.innerWidth - 2 * margin);
  const left = Math.max(margin, Math.min(anchor.left, window.innerWidth - width - margin));
  const below = anchor.bottom + margin;
  const fitsBelow = below + element.offsetHeight < window.innerHeight;
  const top = fitsBelow ? below : Math.max(margin, anchor.top - element.offsetHeight - margin);
  element.style.left = `${left}px`;
  element.style.top = `${top}px`;
}

function hide(): void {
  window.clearTimeout(showTimer);
  if (popover?.matches(':popover-open')) popover.hidePopover();
  current?.removeAttribute('aria-describedby');
  current = undefined;
}

function scheduleHide(): void {
  window.clearTimeout(showTimer);
  window.clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, HIDE_DELAY);
}

function previewLink(event: Event): HTMLAnchorElement | null {
  return event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-preview]') : null;
}

document.addEventListener('pointerdown', (event) => {
  lastPointer = event.pointerType;
  lastPointerTime = Date.now();
});
document.addEventListener('mouseover', (event) => {
  const link = previewLink(event);
  if (!link || lastPointer === 'touch') return;
  window.clearTimeout(hideTimer);
  window.clearTimeout(showTimer);
  showTimer = window.setTimeout(() => show(link), SHOW_DELAY);
});
document.addEventListener('mouseout', (event) => {
  if (previewLink(event)) scheduleHide();
});
document.addEventListener('focusin', (event) => {
  // Focus that a tap just caused is handled by the tap (first tap previews, second follows).
  if (lastPointer === 'touch' && Date.now() - lastPointerTime < 800) return;
  const link = previewLink(event);
  if (link) void show(link);
});
document.addEventListener('focusout', (event) => {
  if (previewLink(event)) scheduleHide();
});
// A first tap shows the preview (with a link to the entry); a second tap on the same link follows it.
document.addEventListener('click', (event) => {
  const link = previewLink(event);
  if (!link || lastPointer !== 'touch') return;
  if (current === link && popover?.matches(':popover-open')) return;
  event.preventDefault();
  void show(link);
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && current) hide();
});
window.addEventListener('scroll', () => {
  if (current && popover?.matches(':popover-open')) place(popover, current);
}, { passive: true });
