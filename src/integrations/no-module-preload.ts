/**
 * Vite plugin: no module-preload wrapper around the client's dynamic imports. Vite wraps each
 * `import()` of a chunk that has imports of its own (a widget's element and its ROC plot,
 * src/interactive/elements.ts) in a helper that adds `<link rel="modulepreload">` for them, and Astro
 * turns the option back on over the project's config. The helper is code on every page for a widget
 * that loads lazily anyway (its chunk asks for its imports one round trip later), and in the exported
 * book, re-bundled as classic scripts for file:// (src/export/classic-scripts.ts), it builds URLs from
 * `import.meta.url`, which a classic script does not have, and throws. This plugin's option is merged
 * over Astro's settings of the browser's build environment.
 */
import type { Plugin } from 'vite';

export function noModulePreload(): Plugin {
  return {
    name: 'book:no-module-preload',
    apply: 'build',
    // Per environment: the browser's (`client`) build takes its options from Astro's environment settings.
    configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
  };
}
