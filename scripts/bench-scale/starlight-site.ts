/**
 * The comparison site: the same synthetic chapters as an Astro Starlight docs site. Starlight is not a
 * dependency of the project; it is installed once in a stable temporary folder keyed by the versions
 * (so later runs reuse it), and each benchmark site gets a hard-linked copy of its node_modules.
 *
 * For a like-for-like build both sites use the same Astro, Vite, Pagefind, remark-math, rehype-katex
 * and KaTeX versions as this project, and the same unified (remark/rehype) Markdown processor: Astro 7's
 * default processor (Sätteri) runs no remark/rehype plugins, so it could not typeset the formulas.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { partFolder } from './book-folder.js';
import { clearBuildCaches, hardLinkCopy } from './platform-snapshot.js';
import { plainTextCitations, type SyntheticBibliography, type SyntheticChapter, yamlString } from './synthetic-book.js';

/** Starlight's release that accepts Astro 7 (0.42.x peers `astro ^7.2.10`, `@astrojs/markdown-remark ^7.3.0`). */
const STARLIGHT_VERSION = '0.42.4';

/** Packages whose versions the comparison site copies from this project's node_modules. */
const SHARED_PACKAGES = ['astro', '@astrojs/markdown-remark', 'remark-math', 'rehype-katex', 'katex'] as const;
/** Transitive packages pinned to this project's versions with `overrides`. */
const SHARED_OVERRIDES = ['vite', 'pagefind'] as const;

export interface StarlightInstall {
  /** Folder holding package.json and node_modules. */
  dir: string;
  /** Whether an earlier run's install was reused. */
  cached: boolean;
  /** One line naming the versions, for the printed report. */
  describe: string;
}

function installedVersion(projectRoot: string, name: string): string {
  return (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed with exit code ${code} in ${cwd}`))));
  });
}

/** Install Starlight (and the shared packages at this project's versions) once; reuse it afterwards. */
export async function ensureStarlightInstall(projectRoot: string): Promise<StarlightInstall> {
  const dependencies: Record<string, string> = { '@astrojs/starlight': STARLIGHT_VERSION };
  for (const name of SHARED_PACKAGES) dependencies[name] = installedVersion(projectRoot, name);
  const overrides = Object.fromEntries(SHARED_OVERRIDES.map((name) => [name, installedVersion(projectRoot, name)]));
  const versions = JSON.stringify({ dependencies, overrides });
  const dir = path.join(os.tmpdir(), 'rai-bench-starlight', `starlight-${STARLIGHT_VERSION}-${createHash('sha256').update(versions).digest('hex').slice(0, 12)}`);
  const describe = `@astrojs/starlight ${STARLIGHT_VERSION}, astro ${dependencies.astro}, vite ${overrides.vite}, pagefind ${overrides.pagefind}, Markdown: unified + remark-math ${dependencies['remark-math']} + rehype-katex ${dependencies['rehype-katex']} (KaTeX ${dependencies.katex}), as ours`;
  if (existsSync(path.join(dir, 'node_modules', '.bench-installed'))) return { dir, cached: true, describe };

  // Install beside the final folder and move it into place, so an interrupted install is never reused.
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  writeFileSync(path.join(partial, 'package.json'), `${JSON.stringify({ name: 'rai-bench-starlight', private: true, type: 'module', dependencies, overrides }, null, 2)}\n`);
  // `npm run` names npm's CLI script; run it with the pinned Node, as the project's own scripts are.
  const npm = process.env.npm_execpath;
  const [command, prefix] = npm && npm.endsWith('.js') ? [process.execPath, [npm]] : ['npm', []];
  await run(command, [...prefix, 'install', '--no-audit', '--no-fund', '--loglevel=error'], partial);
  writeFileSync(path.join(partial, 'node_modules', '.bench-installed'), `${new Date().toISOString()}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return { dir, cached: false, describe };
}

/**
 * Write a Starlight site for `chapters` under `root`: the same bodies as .md docs, citations replaced
 * by plain author–date text (Starlight has no citation resolver), one sidebar group per part as in
 * our book, and a home page. Output and cache folders come from BENCH_OUT_DIR and BENCH_CACHE_DIR.
 */
export function writeStarlightSite(root: string, chapters: SyntheticChapter[], bibliography: SyntheticBibliography, install: StarlightInstall): void {
  const docs = path.join(root, 'src', 'content', 'docs');
  mkdirSync(docs, { recursive: true });
  // Its own node_modules (hard links: instant, no space), so Vite's cache there starts empty.
  hardLinkCopy(path.join(install.dir, 'node_modules'), path.join(root, 'node_modules'));
  clearBuildCaches(root);
  // The install's package.json, dependencies included: Astro finds the packages it must bundle
  // (Starlight's routes import `astro:content`) by crawling the project's dependencies.
  cpSync(path.join(install.dir, 'package.json'), path.join(root, 'package.json'));

  const parts = [...new Set(chapters.map((chapter) => chapter.part))];
  const sidebar = parts.map((part) => ({ label: `Synthetic Part ${part + 1}`, items: [{ autogenerate: { directory: partFolder(part) } }] }));
  writeFileSync(
    path.join(root, 'astro.config.mjs'),
    `import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

export default defineConfig({
  outDir: process.env.BENCH_OUT_DIR ?? './dist',
  cacheDir: process.env.BENCH_CACHE_DIR ?? './node_modules/.astro',
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'ignore' }]],
    }),
  },
  integrations: [
    starlight({
      title: 'Synthetic Benchmark Book',
      customCss: ['katex/dist/katex.min.css'],
      sidebar: ${JSON.stringify(sidebar)},
    }),
  ],
});
`,
  );
  writeFileSync(
    path.join(root, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(
    path.join(docs, 'index.md'),
    `---\ntitle: Synthetic Benchmark Book\ndescription: A generated book of ${chapters.length} chapters for the scale benchmark.\n---\n\nThe text is not meant to be read.\n`,
  );
  for (const chapter of chapters) {
    const folder = path.join(docs, partFolder(chapter.part));
    mkdirSync(folder, { recursive: true });
    const frontmatter = ['---', `title: ${yamlString(chapter.title)}`, `description: ${yamlString(chapter.description)}`, '---', ''];
    writeFileSync(path.join(folder, `${chapter.slug}.md`), `${frontmatter.join('\n')}\n${plainTextCitations(chapter.body, bibliography)}`);
  }
}
