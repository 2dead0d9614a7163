/**
 * The web app manifest (`<base>manifest.webmanifest`) that makes the book installable: its name, the
 * base path as start URL and scope (so a sub-path deployment installs only the book), colours taken
 * from the book's stylesheet (one source for them), and the icons the book ships in
 * `public/icons/` (browsers need a 192 px and a 512 px PNG to offer installation).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The icons a book may ship, below its `public/` folder, with what the manifest says of each. */
export const BOOK_ICONS: readonly { file: string; sizes: string; type: string; purpose: string }[] = [
  { file: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { file: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  // The drawing keeps its content inside the central circle that masks may crop to, so the same
  // image serves as the maskable icon (Android's adaptive icons).
  { file: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  { file: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
];

export interface ManifestInput {
  title: string;
  language: string;
  description?: string;
  /** The site's base path, `/` or `/sub/path/`. */
  base: string;
  /** The book's stylesheet, where the colours are read from. */
  css: string;
  /** The book's `public/` folder: only the icons that exist there are listed. */
  publicDir: string;
}

/** The manifest's JSON object. */
export function webAppManifest(input: ManifestInput): Record<string, unknown> {
  return {
    name: input.title,
    short_name: shortName(input.title),
    ...(input.description ? { description: input.description } : {}),
    lang: input.language,
    start_url: input.base,
    scope: input.base,
    id: input.base,
    display: 'standalone',
    background_color: lightColour(input.css, '--bg'),
    theme_color: lightColour(input.css, '--accent'),
    icons: BOOK_ICONS.filter((icon) => existsSync(path.join(input.publicDir, icon.file))).map((icon) => ({
      src: `${input.base}${icon.file}`,
      sizes: icon.sizes,
      type: icon.type,
      purpose: icon.purpose,
    })),
  };
}

/**
 * The name under an installed icon: home screens show about 12–15 characters, so the title's first
 * words up to 15 characters ("Responsible AI for Data Scientists" → "Responsible AI").
 */
export function shortName(title: string): string {
  let name = '';
  for (const word of title.split(/\s+/)) {
    const next = name ? `${name} ${word}` : word;
    if (next.length > 15) break;
    name = next;
  }
  return name || title.slice(0, 15);
}

/** The light theme's value of a colour variable declared as `--name: light-dark(#light, #dark)` or `--name: #hex`. */
export function lightColour(css: string, variable: string): string {
  const escaped = variable.replace(/[-]/g, '\\-');
  const match = new RegExp(`${escaped}\\s*:\\s*(?:light-dark\\(\\s*)?(#[0-9a-fA-F]{3,8})`).exec(css);
  if (!match?.[1]) throw new Error(`The book's stylesheet declares no colour ${variable} (as \`${variable}: light-dark(#…, #…)\`): the web app manifest takes its colours from there.`);
  return match[1];
}
