/**
 * Where an exported book keeps the previewed pieces of other pages (written by
 * src/export/preview-data.ts, read by reference-preview.ts): one name on both sides.
 */

/** The global that `previews.js` assigns: page file (below the export's root) → HTML of its previewed targets. */
export const PREVIEWS_GLOBAL = 'BOOK_PREVIEWS';

/** The file, at the export's root. */
export const PREVIEWS_FILE = 'previews.js';
