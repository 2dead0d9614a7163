/**
 * Downloads that work offline. Chromium fetches a link with a `download` attribute around the
 * service worker (crbug.com/468227), so the cite panel's "Download .bib/.ris" failed offline although
 * the worker holds both files. On a page the worker controls, such a same-origin link is fetched
 * here instead (the worker answers, from its cache when offline) and saved through a blob URL, under
 * the link's file name. Anywhere else (no worker, a page opened from a folder) the link works alone.
 */
export function setupWorkerDownloads(): void {
  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest?.<HTMLAnchorElement>('a[download]');
    if (!link || link.origin !== location.origin || !navigator.serviceWorker?.controller) return;
    event.preventDefault();
    fetch(link.href)
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
      .then(
        (blob) => {
          const saver = document.createElement('a');
          saver.href = URL.createObjectURL(blob);
          saver.download = link.download;
          saver.click();
          // Revoked once the browser has started the download.
          setTimeout(() => URL.revokeObjectURL(saver.href), 10_000);
        },
        // Neither the worker nor the network has it: the browser's own download says why.
        () => (location.href = link.href),
      );
  });
}
