/**
 * Offline reading, in the page: registers the book's service worker (`<base>sw.js`, scope `<base>`,
 * written by src/integrations/service-worker.ts), shows in the header's offline menu whether the
 * whole book is saved (with progress while it is being saved), and tells the reader when a new
 * edition is ready ("reload"), switching to it only when they choose to.
 *
 * Honest by default: nothing is shown until a worker really runs. Where service workers are refused
 * (a private window, an old browser, a page opened from a folder, a registration that fails) the
 * site works online as before and the menu stays hidden. A reader whose browser asks to save data
 * (`Save-Data`) is not made to download the book: the menu offers to save it.
 */

/** Messages the worker understands (Workbox's generated worker: `skipWaiting` on request). */
const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

/** How often an open page asks the server for a new edition, besides each navigation. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

type State = 'saving' | 'ready' | 'offer' | 'failed';

interface OfflineSummary {
  files: number;
  bytes: number;
  downloadBytes: number;
}

interface Elements {
  menu: HTMLDetailsElement;
  label: HTMLElement;
  message: HTMLElement;
  progress: HTMLProgressElement;
  save: HTMLButtonElement;
  notice: HTMLElement;
}

const base = document.documentElement.dataset.base ?? '/';
let reloadRequested = false;

/** Start offline reading on this page, where the browser allows it. */
export function setupOfflineReading(): void {
  if (!import.meta.env.PROD) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  if (!('serviceWorker' in navigator)) return;
  const elements = findElements();
  if (!elements) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Only after the reader asked for the new edition: the first worker also takes control (clientsClaim).
    if (reloadRequested) location.reload();
  });
  setupMenuKeys(elements.menu);
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  if (connection?.saveData === true && !navigator.serviceWorker.controller) {
    void offerToSave(elements);
    return;
  }
  // After the page's own loading: the worker's downloads never compete with what the reader waits for.
  if (document.readyState === 'complete') void register(elements, false);
  else addEventListener('load', () => void register(elements, false), { once: true });
}

async function register(elements: Elements, askedFor: boolean): Promise<void> {
  let registration: ServiceWorkerRegistration | undefined;
  try {
    registration = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base, updateViaCache: 'none' });
  } catch {
    registration = undefined;
  }
  // Refused (private window, storage blocked) or blocked without an error (some privacy tools
  // resolve with nothing): say so only to a reader who asked; otherwise claim nothing.
  if (!registration) {
    if (askedFor) show(elements, 'failed');
    return;
  }
  track(registration, elements);
  setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
}

function track(registration: ServiceWorkerRegistration, elements: Elements): void {
  if (registration.active) show(elements, 'ready');
  if (registration.waiting && registration.active) offerNewEdition(registration, elements.notice);
  // `updatefound` can fire for the worker that `installing` already gave: watch each worker once.
  const watched = new WeakSet<ServiceWorker>();
  const watch = (worker: ServiceWorker | null) => {
    if (!worker || watched.has(worker)) return;
    watched.add(worker);
    if (!registration.active) {
      watchFirstSave(registration, worker, elements);
      return;
    }
    // A new edition: its changed files download in the background, then it waits for the reader.
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed') offerNewEdition(registration, elements.notice);
    });
  };
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
}

/** The first save of the book: progress in the menu, counted in the worker's cache, until it is done. */
function watchFirstSave(registration: ServiceWorkerRegistration, worker: ServiceWorker, elements: Elements): void {
  let summary: OfflineSummary | undefined;
  void askSummary(worker).then((answer) => (summary = answer));
  let settled = false;
  const update = async () => {
    const saved = await savedFiles(registration.scope);
    // A count that was still being read when the worker finished must not cover "Available offline".
    if (!settled) show(elements, 'saving', { saved, total: summary?.files });
  };
  void update();
  const timer = setInterval(() => void update(), 500);
  const settle = () => {
    if (worker.state === 'activated' || worker.state === 'redundant') {
      settled = true;
      clearInterval(timer);
      if (worker.state === 'activated') show(elements, 'ready', { total: summary?.files, bytes: summary?.bytes });
      else show(elements, 'failed');
    }
  };
  worker.addEventListener('statechange', settle);
  settle();
}

/** A reader who saves data is asked first, with the size of the download. */
async function offerToSave(elements: Elements): Promise<void> {
  const summary = await loadSummary();
  show(elements, 'offer', { bytes: summary?.downloadBytes });
}

function offerNewEdition(registration: ServiceWorkerRegistration, notice: HTMLElement): void {
  if (notice.childElementCount > 0) return;
  const text = document.createElement('span');
  text.textContent = 'A new edition of the book is available — reload to read it.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload';
  button.addEventListener('click', () => {
    reloadRequested = true;
    if (registration.waiting) registration.waiting.postMessage(SKIP_WAITING);
    else location.reload();
  });
  notice.append(text, button);
}

function show(elements: Elements, state: State, figures: { saved?: number; total?: number; bytes?: number } = {}): void {
  const { menu, label, message, progress, save } = elements;
  menu.hidden = false;
  menu.dataset.state = state;
  progress.hidden = state !== 'saving';
  save.hidden = state !== 'offer' && state !== 'failed';
  const { saved = 0, total, bytes } = figures;
  if (state === 'saving') {
    const of = total ? ` ${Math.min(saved, total)} of ${total}` : '';
    label.textContent = `Saving for offline…${of}`;
    message.textContent = `Saving the whole book in this browser, so that every chapter and search work without a network:${total ? ` ${Math.min(saved, total)} of ${total} files.` : ' starting.'}`;
    progress.max = total ?? 1;
    progress.value = total ? Math.min(saved, total) : 0;
  } else if (state === 'ready') {
    label.textContent = 'Available offline';
    message.textContent = `The whole book is saved in this browser${total && bytes ? ` (${total} files, ${megabytes(bytes)})` : ''}: every chapter, figure and search work without a network. New editions are saved as they come out.`;
  } else if (state === 'offer') {
    label.textContent = 'Save for offline';
    message.textContent = `Your browser asks sites to save data, so the book is not saved for offline reading. Saving it downloads${bytes ? ` about ${megabytes(bytes)}` : ' the whole book'} once.`;
    save.textContent = 'Make the whole book available offline';
    save.onclick = () => void register(elements, true);
  } else {
    label.textContent = 'Not saved for offline';
    message.textContent = 'The book could not be saved for offline reading here (the browser refused, or the connection failed). It works online as before.';
    save.textContent = 'Try again';
    save.onclick = () => void register(elements, true);
  }
}

/** Files of this book's precache (Workbox names it after the worker's scope). */
async function savedFiles(scope: string): Promise<number> {
  let count = 0;
  for (const name of await caches.keys()) {
    if (name.includes('precache') && name.endsWith(scope)) count += (await (await caches.open(name)).keys()).length;
  }
  return count;
}

/** The worker's figures of its edition (src/integrations/service-worker.ts writes its answer), or nothing within a second. */
function askSummary(worker: ServiceWorker): Promise<OfflineSummary | undefined> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineSummary>) => resolve(event.data);
    setTimeout(() => resolve(undefined), 1000);
    worker.postMessage({ type: 'OFFLINE_SUMMARY' }, [channel.port2]);
  });
}

/** The figures of the offline copy, before any worker runs (the save-data offer). */
async function loadSummary(): Promise<OfflineSummary | undefined> {
  try {
    const response = await fetch(`${base}offline.json`, { cache: 'no-store' });
    return response.ok ? ((await response.json()) as OfflineSummary) : undefined;
  } catch {
    return undefined;
  }
}

/** Esc closes the menu and returns focus to it; a click elsewhere closes it. */
function setupMenuKeys(menu: HTMLDetailsElement): void {
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menu.open) return;
    menu.open = false;
    menu.querySelector('summary')?.focus();
  });
  document.addEventListener('click', (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
}

function findElements(): Elements | undefined {
  const menu = document.querySelector<HTMLDetailsElement>('[data-offline-status]');
  const notice = document.querySelector<HTMLElement>('[data-update-notice]');
  const label = menu?.querySelector<HTMLElement>('[data-offline-label]');
  const message = menu?.querySelector<HTMLElement>('[data-offline-message]');
  const progress = menu?.querySelector<HTMLProgressElement>('[data-offline-progress]');
  const save = menu?.querySelector<HTMLButtonElement>('[data-offline-save]');
  if (!menu || !notice || !label || !message || !progress || !save) return undefined;
  return { menu, label, message, progress, save, notice };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
