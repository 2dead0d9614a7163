/**
 * Global setup of the browser tests: build, once, the real book, the real book under a sub-path, and
 * the small sample book (math in .md and .mdx), each into its own temporary folder.
 */
import type { TestProject } from 'vitest/node';
import { astroBuild, fixture } from './astro-build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    bookDir: string;
    subPathDir: string;
    sampleDir: string;
  }
}

export const SUB_PATH = '/course/rai/';

export default async function buildSites(project: TestProject): Promise<void> {
  const builds = {
    bookDir: await astroBuild(),
    subPathDir: await astroBuild({ base: SUB_PATH }),
    sampleDir: await astroBuild({ bookRoot: fixture('sample-book') }),
  };
  for (const [name, build] of Object.entries(builds)) {
    if (build.code !== 0) throw new Error(`Building ${name} failed (exit ${build.code}):\n${build.output}`);
    project.provide(name as 'bookDir', build.outDir);
  }
}
