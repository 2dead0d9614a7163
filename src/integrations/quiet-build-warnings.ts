/**
 * Warnings of the bundler that an author cannot act on, silenced where they are raised (the bundler's
 * `onwarn`), each by its code and what it names, so any other warning still shows.
 *
 * - MODULE_LEVEL_DIRECTIVE for `"use astro:head-inject"`: @astrojs/mdx marks every compiled `.mdx`
 *   chapter with this directive, and Rolldown warns, once per chapter and per build, that it "may not
 *   be preserved when bundling". Astro reads the directive before bundling (its head-propagation
 *   analysis), so dropping it from the bundle changes nothing on the pages.
 */
import type { ViteUserConfig } from 'astro';

type OnWarn = NonNullable<NonNullable<NonNullable<ViteUserConfig['build']>['rolldownOptions']>['onwarn']>;
type Warning = Parameters<OnWarn>[0];

/** Whether a bundler warning is one of those above. */
export function isUnactionableWarning(warning: Warning): boolean {
  return warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject');
}

/** The bundler's `onwarn`: silence the warnings above, pass every other one on. */
export const quietBuildWarnings: OnWarn = (warning, defaultHandler) => {
  if (isUnactionableWarning(warning)) return;
  defaultHandler(warning);
};
