/**
 * A snapshot of our platform to build from, in the benchmark's temporary folder: the working tree as it
 * is when the run starts (tracked and untracked files, minus ignored ones), or a git commit (`--ref`).
 * Every size is then built from the same code even while edits go on in a shared checkout, and the
 * builds write nothing into the checkout (Astro's `.astro/`, Vite's `node_modules/.vite`).
 *
 * node_modules is a hard-linked copy of the project's (instant, no space), without the caches that
 * earlier builds left there, so each build is cold (a symlink would share the checkout's Vite cache).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface PlatformSnapshot {
  /** Folder to build from (holds astro.config.ts, src/ and node_modules/). */
  root: string;
  /** What was copied, for the report: "working tree at <commit> (+ uncommitted changes)" or "commit <commit>". */
  describe: string;
}

/** Caches that builds leave in node_modules; a cold build starts without them. */
const NODE_MODULES_CACHES = ['.vite', '.astro', '.cache'];

const git = (projectRoot: string, args: string[]): string => execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8', maxBuffer: 1024 ** 3 });

/** Hard-link `from` into `to` (same file system; files are shared, so they must never be written in place). */
export function hardLinkCopy(from: string, to: string): void {
  execFileSync('cp', ['-al', from, to]);
}

/** Copy the platform at `ref` (or the working tree) of the repository at `projectRoot` into `into`. */
export function snapshotPlatform(projectRoot: string, ref: string | undefined, into: string): PlatformSnapshot {
  mkdirSync(into, { recursive: true });
  let describe: string;
  if (ref) {
    const commit = git(projectRoot, ['rev-parse', '--short', `${ref}^{commit}`]).trim();
    const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: projectRoot, maxBuffer: 1024 ** 3 });
    execFileSync('tar', ['-x', '-C', into], { input: archive });
    describe = `commit ${commit}`;
  } else {
    const files = git(projectRoot, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0').filter(Boolean);
    for (const file of files) {
      try {
        cpSync(path.join(projectRoot, file), path.join(into, file));
      } catch {
        // Listed by git but deleted in the working tree.
      }
    }
    const head = git(projectRoot, ['rev-parse', '--short', 'HEAD']).trim();
    const changed = git(projectRoot, ['status', '--porcelain', '--', 'src', 'astro.config.ts', 'package.json']).trim() !== '';
    describe = `working tree at ${head}${changed ? ' (with uncommitted changes in src/ or the config)' : ''}`;
  }
  hardLinkCopy(path.join(projectRoot, 'node_modules'), path.join(into, 'node_modules'));
  clearBuildCaches(into);
  return { root: into, describe };
}

/** Remove what an earlier build left in a project (Astro's `.astro/`, Vite's and Astro's node_modules caches). */
export function clearBuildCaches(root: string): void {
  rmSync(path.join(root, '.astro'), { recursive: true, force: true });
  for (const cache of NODE_MODULES_CACHES) rmSync(path.join(root, 'node_modules', cache), { recursive: true, force: true });
}
