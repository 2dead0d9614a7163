/**
 * One value per build process. Astro loads our modules twice in a build: once for the config (the
 * Markdown pipeline, the integration) and once bundled into the pages' code. Module-level caches
 * would then be built twice (the book's structure, the .bib, the citation engine); values kept here,
 * on the global object under a registered symbol, are shared by both copies.
 */
const registry = (() => {
  const key = Symbol.for('responsible-ai-book.process-wide');
  const global = globalThis as typeof globalThis & { [key]?: Map<string, unknown> };
  global[key] ??= new Map<string, unknown>();
  return global[key];
})();

/** The process's value named `name`, created by `create` on first use. */
export function processWide<T>(name: string, create: () => T): T {
  if (!registry.has(name)) registry.set(name, create());
  return registry.get(name) as T;
}
