/**
 * The static redirect page that stands at an old URL, and the one small script it loads. The page
 * works on any static host, with or without JavaScript: a `<meta http-equiv="refresh">` sends readers
 * to the new page and a visible link says where it went. The script, when it runs, does better: it
 * keeps the old URL's `#fragment` if the new page still has that anchor (or follows a renamed one).
 * It is an external file, written once below the site's base, so a Content-Security-Policy that allows
 * inline scripts only by hash still lets it run. Every URL in these pages is relative to the page, so
 * they work under any base (`BASE=/course/rai/`) and on any static host.
 */

/** Name of the redirect script in the output folder, below the base. */
export const REDIRECT_SCRIPT = 'redirect.js';

/**
 * The redirect script. Data comes from its own `<script>` element:
 * - `data-target`: the page to go to (redirect pages only);
 * - `data-anchors`: the target's anchors, space-separated: an old `#fragment` among them is kept;
 * - `data-moved`: JSON `{ "old-anchor": "../new-page/#new-anchor" }`, anchors that moved elsewhere.
 * On a live page (no `data-target`) it only follows moved anchors.
 */
export const REDIRECT_SCRIPT_SOURCE = `// Redirects of old URLs: keep the #fragment when the new page still has it (see src/integrations/redirect-page.ts).
(function () {
  var script = document.currentScript;
  if (!script) return;
  var data = script.dataset;
  var hash = location.hash.slice(1);
  var id = hash;
  try { id = decodeURIComponent(hash); } catch (error) { /* a malformed escape: compare as written */ }
  var moved = {};
  try { moved = JSON.parse(data.moved || '{}'); } catch (error) { /* no moved anchors */ }
  if (id && Object.prototype.hasOwnProperty.call(moved, id)) {
    location.replace(moved[id]);
    return;
  }
  if (!data.target) return;
  var anchors = (data.anchors || '').split(' ');
  location.replace(data.target + (id && anchors.indexOf(id) >= 0 ? '#' + hash : ''));
})();
`;

export interface RedirectPage {
  /** Where readers go, relative to this page (`../mitigating-bias/`). */
  target: string;
  /** The target's canonical URL, relative to this page (the target without an anchor). */
  canonical: string;
  /** The target's title, for the visible link. */
  title: string;
  /** The target page's anchors: an old fragment that is one of them is kept. */
  anchors: readonly string[];
  /** Old anchors of this page that were renamed or moved: old id → new URL with its fragment, relative. */
  moved: Readonly<Record<string, string>>;
  /** Where the redirect script is, relative to this page. */
  script: string;
  /** The target is a placeholder (the home page) for a chapter not yet published. */
  pending?: boolean;
}

/** The HTML of a redirect page. */
export function renderRedirectPage(page: RedirectPage, language = 'en'): string {
  const moved = Object.keys(page.moved).length > 0 ? ` data-moved="${escapeHtml(JSON.stringify(page.moved))}"` : '';
  const message = page.pending
    ? `<p>“${escapeHtml(page.title)}” is being revised for this edition of the book; the contents list it as forthcoming.</p>\n    <p><a href="${escapeHtml(page.target)}">Go to the book’s contents</a>.</p>`
    : `<p>This page has moved to <a href="${escapeHtml(page.target)}">${escapeHtml(page.title)}</a>.</p>`;
  // The script comes before the refresh and navigates (with the fragment) while the page is loading; a
  // refresh only fires once the page has completely loaded, so it is the fallback without JavaScript.
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta name="robots" content="noindex">
    <meta name="referrer" content="no-referrer">
    <title>${page.pending ? 'Forthcoming' : 'Moved'}: ${escapeHtml(page.title)}</title>
    <link rel="canonical" href="${escapeHtml(page.canonical)}">
    <script src="${escapeHtml(page.script)}" data-target="${escapeHtml(page.target)}" data-anchors="${escapeHtml(page.anchors.join(' '))}"${moved}></script>
    <meta http-equiv="refresh" content="0; url=${escapeHtml(page.target)}">
  </head>
  <body data-pagefind-ignore="all">
    <main>
    ${message}
    </main>
  </body>
</html>
`;
}

/** The script element added to a live page whose old anchors moved to another page. */
export function renderMovedAnchorsScript(script: string, moved: Readonly<Record<string, string>>): string {
  return `<script src="${escapeHtml(script)}" data-moved="${escapeHtml(JSON.stringify(moved))}"></script>`;
}

/** Escape text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
