/**
 * Image outputs of a notebook (`image/png`, `image/jpeg`, `image/gif`, `image/svg+xml`) become files of
 * the site, named by a hash of their bytes: the same picture is one file however many cells show it, a
 * changed picture gets a new name (so it can be cached for ever), and an SVG shown through `<img>` cannot
 * run scripts. The build writes them (src/integrations/notebook-images.ts); the dev server serves them.
 */
import { createHash } from 'node:crypto';

/** The folder, below the site's base, that holds the notebooks' images. */
export const NOTEBOOK_IMAGE_FOLDER = '_notebook';

export const IMAGE_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
};

export interface NotebookImage {
  /** File name: 16 hex digits of the SHA-256 of the bytes, then the extension. */
  name: string;
  mime: string;
  bytes: Buffer;
  /** Intrinsic size in CSS pixels when known (PNG header, or the output's metadata). */
  width?: number;
  height?: number;
}

/** The image an output's representation `value` of type `mime` stands for (base64, or SVG text). */
export function notebookImage(mime: string, value: unknown, metadata: unknown): NotebookImage | undefined {
  const extension = IMAGE_TYPES[mime];
  if (!extension) return undefined;
  const text = Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : undefined;
  if (text === undefined) return undefined;
  const bytes = mime === 'image/svg+xml' ? Buffer.from(withoutSvgScripts(text), 'utf8') : Buffer.from(text.replace(/\s+/g, ''), 'base64');
  if (bytes.length === 0) return undefined;
  const name = `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${extension}`;
  const image: NotebookImage = { name, mime, bytes };
  // Jupyter records the display size of high-resolution figures (`"metadata": {"image/png": {"width": 400}}`).
  const declared = typeof metadata === 'object' && metadata !== null ? (metadata as Record<string, unknown>)[mime] : undefined;
  const size = typeof declared === 'object' && declared !== null ? (declared as Record<string, unknown>) : {};
  if (typeof size.width === 'number' && typeof size.height === 'number') {
    image.width = size.width;
    image.height = size.height;
  } else if (mime === 'image/png' && bytes.length >= 24 && bytes.toString('ascii', 12, 16) === 'IHDR') {
    image.width = bytes.readUInt32BE(16);
    image.height = bytes.readUInt32BE(20);
  }
  return image;
}

/**
 * An SVG without what could run or load: `<script>`, `<foreignObject>` (HTML inside), event handler
 * attributes, `javascript:` links and references to other hosts. Shown through `<img>`, an SVG runs
 * nothing anyway; this is for a reader who opens the file itself, on a host that does not send the
 * site's Content-Security-Policy header. Plotting libraries write none of these.
 */
export function withoutSvgScripts(svg: string): string {
  return svg
    .replace(/<script\b[\s\S]*?<\/script\s*>|<script\b[^>]*\/>/gi, '')
    .replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/\s(?:xlink:)?href\s*=\s*("|')\s*(?:javascript:|https?:|\/\/)[^"']*\1/gi, '');
}
