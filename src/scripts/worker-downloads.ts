/**
 * Downloads that work offline. Chromium fetches a link with a `download` attribute around the
 * service worker (crbug.com/468227), so the cite panel's "Download .bib/.ris" failed offline although
 * the worker holds both files. On a page the worker controls, such a same-origin link is fetched
 * here instead (the worker answers, from its cache when offline) and saved through a blob URL, under
 * the link's file name. Anywhere else (no worker, a page opened from a folder) the link works alone.
 */
export function setupWorkerDownloads(): void {
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.<HTMLAnchorElement>('a[download]');
    if (!link || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.origin !== location.origin || !navigator.serviceWorker?.controller) return;
    event.preventDefault();
    // Where neither the worker nor the network has the file, a plain download would fail as well.
    void fetch(link.href)
      .then((response): Promise<Blob | undefined> | undefined => (response.ok ? response.blob() : undefined))
      .then((blob) => {
        if (!blob) return;
        const saver = document.createElement('a');
        saver.href = URL.createObjectURL(blob);
        saver.download = link.download;
        saver.click();
        // Revoked once the browser has taken the download.
        setTimeout(() => URL.revokeObjectURL(saver.href), 9e3);
      });
  });
}
