/**
 * Warnings of the bundler that an author cannot act on, silenced where they are raised (the bundler's
 * `onLog`), each by its code and what it names, so any other warning still shows.
 *
 * - MODULE_LEVEL_DIRECTIVE for `"use astro:head-inject"`: @astrojs/mdx marks every compiled `.mdx`
 *   chapter with this directive, and Rolldown warns, once per chapter and per build, that it "may not
 *   be preserved when bundling". Astro reads the directive before bundling (its head-propagation
 *   analysis), so dropping it from the bundle changes nothing on the pages.
 */
import type { ViteUserConfig } from 'astro';

type OnLog = NonNullable<NonNullable<NonNullable<ViteUserConfig['build']>['rolldownOptions']>['onLog']>;
type Log = Parameters<OnLog>[1];

/** Whether a bundler warning is one of those above. */
export function isUnactionableWarning(log: Pick<Log, 'code' | 'message'>): boolean {
  return log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject');
}

/** The bundler's `onLog`: drop the warnings above, pass every other message on. */
export const quietBuildWarnings: OnLog = (level, log, defaultHandler) => {
  if (level === 'warn' && isUnactionableWarning(log)) return;
  defaultHandler(level, log);
};
