/**
 * The page's only script (bundled, small): the theme switch, the contents drawer on phones, the
 * on-this-page highlight of the section being read, previews, the lazy loader of search, and offline
 * reading (the service worker's registration, the offline menu, the new-edition notice, downloads
 * through the worker), copy-link buttons, and the loader of interactive widgets' code.
 * Everything works as plain links without it.
 */

import { widgetElements } from '../interactive/elements.ts';
import { loadWhenNear } from '../interactive/load-when-near.ts';
import { setupCopyLinks } from './copy-link.ts';
import { setupOfflineReading } from './offline-reading.ts';
import { setupWorkerDownloads } from './worker-downloads.ts';
import './reference-preview.ts';
import './self-check-contents.ts';

const root = document.documentElement;

function setupThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
  if (!button) return;
  const label = () => {
    const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
    button.setAttribute('aria-label', `Switch to ${next} theme`);
  };
  label();
  button.addEventListener('click', () => {
    const theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
    root.dataset.theme = theme;
    try {
      localStorage.setItem('book-theme', theme);
    } catch {
      // Storage can be unavailable (private mode, file://): the choice then lasts for this page only.
    }
    label();
  });
}

function setupMenu(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-button]');
  const sidebar = document.getElementById('sidebar');
  if (!button || !sidebar) return;
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', open ? 'Hide contents' : 'Show contents');
    root.toggleAttribute('data-menu-open', open);
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && root.hasAttribute('data-menu-open')) {
      setOpen(false);
      button.focus();
    }
  });
  sidebar.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) setOpen(false);
  });
}

function setupSectionHighlight(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-toc-link]')];
  if (links.length === 0 || !('IntersectionObserver' in window)) return;
  const byId = new Map(links.map((link) => [decodeURIComponent(link.hash.slice(1)), link]));
  const headings = [...byId.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
  const visible = new Set<string>();
  const mark = () => {
    // The current section is the last heading above the reading line (the first visible, else the last passed).
    let current: string | undefined = headings.find((h) => visible.has(h.id))?.id;
    if (!current) {
      for (const heading of headings) if (heading.getBoundingClientRect().top < 120) current = heading.id;
    }
    for (const [id, link] of byId) {
      if (id === current) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target.id);
        else visible.delete(entry.target.id);
      }
      mark();
    },
    { rootMargin: '0px 0px -60% 0px' },
  );
  for (const heading of headings) observer.observe(heading);
}

/**
 * Search costs nothing until the reader shows intent: hovering or focusing the search button starts
 * loading the search module, a click or `/` or Ctrl/Cmd+K opens it. Without scripts the button is a
 * link to the search page.
 */
function setupSearch(): void {
  const base = root.dataset.base ?? '/';
  let module: Promise<typeof import('./search-ui.ts')> | undefined;
  const load = () => (module ??= import('./search-ui.ts'));
  const open = () => void load().then((search) => search.openSearchDialog(base));
  const button = document.querySelector<HTMLAnchorElement>('[data-search-button]');
  button?.addEventListener('pointerenter', () => void load(), { once: true });
  button?.addEventListener('focus', () => void load(), { once: true });
  button?.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    open();
  });
  document.addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
    const shortcut = (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey));
    if (!shortcut || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    open();
  });
  const page = document.querySelector<HTMLElement>('[data-search-page]');
  if (page) {
    const params = new URLSearchParams(location.search);
    void load().then((search) =>
      search.mountSearch(page, {
        base,
        initialQuery: params.get('q') ?? '',
        onQuery: (query) => history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname),
      }).focus(),
    );
  }
  const highlight = new URLSearchParams(location.search).getAll('highlight');
  if (highlight.length > 0) void import('./search-highlight.ts').then((module) => module.highlightSearchTerms(highlight));
}

/**
 * Wide formulas and tables scroll sideways inside the text column; a region that scrolls must be
 * reachable by keyboard (WCAG 2.1.1), so the ones that actually overflow become focusable.
 */
function setupScrollableRegions(): void {
  const mark = () => {
    const regions = [...document.querySelectorAll<HTMLElement>('.chapter-body .katex-display, .chapter-body table')];
    // All reads, then all writes: one layout for the whole page, not one per region.
    const overflowing = regions.map((region) => region.scrollWidth > region.clientWidth || region.scrollHeight > region.clientHeight);
    regions.forEach((region, index) => {
      if (overflowing[index]) {
        region.tabIndex = 0;
        region.setAttribute('role', region.tagName === 'TABLE' ? 'table' : 'group');
        if (region.tagName !== 'TABLE') region.setAttribute('aria-label', 'Formula (scrolls sideways)');
      } else if (region.hasAttribute('tabindex')) {
        region.removeAttribute('tabindex');
      }
    });
  };
  // One mark per frame, however many of the events below arrive together.
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  };
  // After the first frame: measuring earlier would force the page's first layout inside this
  // script's task and delay the first paint (a long task on phones with math-heavy chapters).
  requestAnimationFrame(() =>
    setTimeout(() => {
      mark();
      // Overflow changes whenever a table's content changes size or the window resizes; watching
      // each region and its first child catches those.
      if (!('ResizeObserver' in window)) return;
      const observer = new ResizeObserver(schedule);
      for (const region of document.querySelectorAll<HTMLElement>('.chapter-body .katex-display, .chapter-body table')) {
        observer.observe(region);
        if (region.firstElementChild) observer.observe(region.firstElementChild);
      }
    }),
  );
  // A formula's box keeps the column's width while its content widens as KaTeX's fonts replace the
  // fallback ones, so no ResizeObserver entry comes; and some of those fonts are only asked for after
  // `load` and after `document.fonts.ready` first resolves. Every finished font load re-measures.
  document.fonts?.addEventListener('loadingdone', schedule);
  void document.fonts?.ready.then(schedule);
  window.addEventListener('load', schedule);
  window.addEventListener('resize', schedule, { passive: true });
}

/** Each interactive widget's code, when one of its elements on the page nears the screen. */
function setupWidgets(): void {
  for (const [tag, load] of Object.entries(widgetElements)) loadWhenNear(tag, load);
}

setupThemeToggle();
setupMenu();
setupScrollableRegions();
setupWidgets();
setupSectionHighlight();
setupSearch();
setupOfflineReading();
setupCopyLinks();
setupWorkerDownloads();
