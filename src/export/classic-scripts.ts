/**
 * Chromium refuses module scripts on a page opened from a folder (file:// is an opaque origin, so
 * `<script type="module" src>` and `import()` fail as cross-origin requests), and Astro emits only
 * module scripts with shared chunks and dynamic imports (the search UI loaded on intent, a widget's
 * shared plots). The export re-bundles each page entry script of the built site with esbuild into one
 * classic script (an IIFE with its chunks and dynamic imports inlined), and loads it with `defer`,
 * which keeps a module script's timing (after parsing, in document order).
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const MODULE_SCRIPT = /<script\b([^>]*?)\stype=(["'])module\2([^>]*)>\s*<\/script>/gi;
const SRC = /\ssrc=(["'])([^"']+)\1/i;

/** The `src` of every external module script of a page, as written. */
export function moduleScriptSources(html: string): string[] {
  return [...html.matchAll(MODULE_SCRIPT)].flatMap((match) => {
    const src = SRC.exec(`${match[1]} ${match[3]}`)?.[2];
    return src ? [src] : [];
  });
}

/** The page with its module scripts loaded as classic deferred scripts (same `src`). */
export function classicScriptTags(html: string): string {
  return html.replace(MODULE_SCRIPT, (_, before: string, _quote: string, after: string) => `<script defer${before}${after}></script>`);
}

/**
 * Re-bundle, in place, the entry scripts of a built site at `root` (root-absolute `src` URLs, as in
 * the pages); the other scripts of `chunkFolder` (chunks) are deleted, as every bundle now carries them.
 * Returns the size in bytes of each bundle.
 */
export async function bundleClassicScripts(root: string, sources: readonly string[], chunkFolder = '_astro'): Promise<Map<string, number>> {
  const entries = [...new Set(sources)].filter((src) => src.startsWith('/') && !src.startsWith('//'));
  const bundles = new Map<string, string>();
  for (const src of entries) {
    const result = await build({
      entryPoints: [path.join(root, src)],
      bundle: true,
      format: 'iife',
      minify: true,
      write: false,
      target: 'es2022',
      logLevel: 'silent',
      // Vite's preload helper reads import.meta.url only to preload a dynamic chunk's imports, which
      // the build lists for none (src/integrations/no-module-preload.ts); and Pagefind's dynamic import
      // is never reached in an export.
      logOverride: { 'empty-import-meta': 'silent', 'unsupported-dynamic-import': 'silent' },
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error(`esbuild wrote nothing for ${src}`);
    bundles.set(src, output.text);
  }
  for (const [src, text] of bundles) writeFileSync(path.join(root, src), text);
  // Every other script of the build folder was a chunk, now inside the bundles that need it.
  const entryFiles = new Set(entries.map((src) => path.join(root, src)));
  const folder = path.join(root, chunkFolder);
  for (const file of readdirSync(folder)) {
    const chunk = path.join(folder, file);
    if (file.endsWith('.js') && !entryFiles.has(chunk)) rmSync(chunk);
  }
  return new Map([...bundles].map(([src, text]) => [src, Buffer.byteLength(text)]));
}
