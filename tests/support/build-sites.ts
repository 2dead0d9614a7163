/**
 * Global setup of the browser tests: build, once, the real book, the real book under a sub-path, the
 * small sample book (math in .md and .mdx), the notebook book (tests/fixtures/notebook-book) and the
 * MyST book (Jupyter Book's MyST), each into its own temporary folder.
 */
import type { TestProject } from 'vitest/node';
import { astroBuild, fixture } from './astro-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    bookDir: string;
    subPathDir: string;
    sampleDir: string;
    notebookDir: string;
    mystDir: string;
  }
}

export const SUB_PATH = '/course/rai/';

export default async function buildSites(project: TestProject): Promise<void> {
  // E2E_SITES=book builds only the real book: enough for one test file that needs nothing else, and
  // a third of the set-up time while working on that file. The full suite builds all three.
  const only = process.env.E2E_SITES?.split(',');
  const wanted = (name: string): boolean => !only || only.includes(name);
  const builds = {
    ...(wanted('book') ? { bookDir: await astroBuild() } : {}),
    ...(wanted('subpath') ? { subPathDir: await astroBuild({ base: SUB_PATH }) } : {}),
    ...(wanted('sample') ? { sampleDir: await astroBuild({ bookRoot: fixture('sample-book') }) } : {}),
    ...(wanted('notebook') ? { notebookDir: await astroBuild({ bookRoot: fixture('notebook-book') }) } : {}),
    // The MyST that Jupyter Book authors write (tests/fixtures/myst-book).
    ...(wanted('myst') ? { mystDir: await astroBuild({ bookRoot: fixture('myst-book') }) } : {}),
  };
  for (const [name, build] of Object.entries(builds)) {
    if (build.code !== 0) throw new Error(`Building ${name} failed (exit ${build.code}):\n${build.output}`);
    project.provide(name as 'bookDir', build.outDir);
  }
}
