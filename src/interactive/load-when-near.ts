/**
 * Load an interactive widget's code when one of its elements comes near the screen, not with the page.
 * A widget's page shows its full state without JavaScript (the component renders it), so nothing is
 * missing before the code arrives; what the reader gains is a first visit without the widget's
 * script (5 KB gzip for the fairness explorer) and without its start-up work while the page is laid
 * out, as Astro's `client:visible` islands do. Loading starts a screen's height ahead, so the controls
 * are there by the time the reader gets to them. The custom element, once defined, upgrades the
 * elements already on the page. The layout script calls this for every widget (elements.ts).
 */
export function loadWhenNear(tag: string, load: () => Promise<unknown>): void {
  const elements = document.querySelectorAll(tag);
  if (elements.length === 0) return;
  if (!('IntersectionObserver' in window)) {
    void load();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      void load();
    },
    { rootMargin: '100% 0px' },
  );
  for (const element of elements) observer.observe(element);
}
