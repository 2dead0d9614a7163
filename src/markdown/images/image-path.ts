/**
 * Where an image a chapter references is on disk, checked with the case of every path segment: Linux
 * file systems are case-sensitive and macOS's usually not, so `Agent.png` for `agent.png` works on the
 * author's Mac and breaks the published build. An image path is either relative to the chapter file
 * (`../images/x.png`, as in Jupyter Book) or absolute from the book's `public/` folder (`/figures/x.svg`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { nearest } from '../../diagnostics/did-you-mean.js';

export type ImagePath =
  | { ok: true; absolute: string }
  | { ok: false; absolute: string; reason: string };

/** Resolve `url` for the chapter at `chapterPath`, checking that each segment exists with this exact case. */
export function resolveImagePath(url: string, chapterPath: string, publicDir: string): ImagePath {
  const fromPublic = url.startsWith('/');
  let current = fromPublic ? publicDir : path.dirname(chapterPath);
  const segments = decodeSafely(url).split(/[?#]/)[0]!.split('/').filter((segment) => segment !== '' && segment !== '.');
  for (const [index, segment] of segments.entries()) {
    if (segment === '..') {
      current = path.dirname(current);
      continue;
    }
    let entries: string[];
    try {
      entries = readdirSync(current);
    } catch {
      return { ok: false, absolute: path.join(current, ...segments.slice(index)), reason: `\`${url}\` does not exist` };
    }
    if (entries.includes(segment)) {
      current = path.join(current, segment);
      continue;
    }
    const sameButCase = entries.find((entry) => entry.toLowerCase() === segment.toLowerCase());
    const written = segments.slice(0, index + 1).join('/');
    if (sameButCase) {
      return {
        ok: false,
        absolute: path.join(current, segment),
        reason: `\`${url}\`: \`${segment}\` differs in case from \`${sameButCase}\` on disk (case matters on the server, even when it does not on your computer); write \`${sameButCase}\``,
      };
    }
    const near = nearest(segment, entries, 3)
      .filter((entry) => !entry.startsWith('.'))
      .map((entry) => `\`${entry}\``)
      .join(', ');
    return {
      ok: false,
      absolute: path.join(current, segment),
      reason: `\`${url}\` does not exist: there is no \`${written}\`${near ? ` (nearest in that folder: ${near})` : ''}${fromPublic ? '; paths starting with `/` are read from public/' : '; the path is relative to the chapter file'}`,
    };
  }
  return { ok: true, absolute: current };
}

function decodeSafely(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
