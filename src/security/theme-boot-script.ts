/**
 * The one inline script of the book: it sets the theme before the first paint, so the page never
 * flashes the wrong theme (the reader's saved choice, else the system's). It must be inline, since a
 * separate file would load after first paint. It also makes search fail honestly on a page opened
 * from a folder (file://), where the bundled scripts and the search index cannot load
 * (Pagefind/pagefind#202): search explains why instead — except in an exported book (`data-export`,
 * `npm run export`), whose scripts and search index are made to work there.
 *
 * The source lives here, not in the component, because the Content-Security-Policy allows inline
 * scripts only by hash (src/security/content-security-policy.ts hashes this exact text).
 */
export const THEME_BOOT_SCRIPT = `(function () {
  var saved = null;
  try { saved = localStorage.getItem('book-theme'); } catch (e) {}
  var theme = saved === 'light' || saved === 'dark' ? saved : (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  document.documentElement.dataset.theme = theme;
  document.documentElement.classList.add('js');
  if (location.protocol !== 'file:' || document.documentElement.hasAttribute('data-export')) return;
  var explain = function (event) {
    event.preventDefault();
    var note = document.getElementById('file-search-note');
    if (!note) {
      note = document.createElement('dialog');
      note.id = 'file-search-note';
      note.setAttribute('aria-labelledby', 'file-search-title');
      note.innerHTML = '<h2 id="file-search-title">Search is not available here</h2><p>This page was opened from a folder (file://), and browsers block the search index there. Open the book through a web server (run <code>npm start</code> and go to http://localhost:4321) or use the online edition.</p><form method="dialog"><button>Close</button></form>';
      document.body.appendChild(note);
    }
    if (!note.open) note.showModal();
  };
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-search-button]')) explain(event);
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k')) explain(event);
  });
})();`;
