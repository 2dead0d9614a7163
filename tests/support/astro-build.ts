/**
 * Run a real `astro build` in a child process, with the pinned Node (the one running the tests:
 * `npm test` puts node_modules/.bin first, so this is Node ≥ 22, which Astro needs).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { makeTempDir } from './temp-dir.js';

export interface BuildOptions {
  /** Book root with content/ (and bib/, public/); default: the project itself. */
  bookRoot?: string;
  /** Output folder; default: a new temporary folder. */
  outDir?: string;
  /** Base path for a sub-path build, e.g. `/course/rai/`. */
  base?: string;
  /** More environment variables for the build (e.g. `ANSWERS`). */
  env?: Record<string, string>;
  /** The public site URL (the SITE variable), e.g. `https://example.org/course/rai/`. */
  site?: string;
}

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The environment for a child Astro process. Vitest puts Vite's variables (BASE_URL, MODE, DEV, PROD,
 * SSR) and NODE_ENV=test into process.env; Astro would take them for the site's own (BASE_URL
 * overrides `base`), so the child gets none of them.
 */
function astroEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(name)));
}

/** Build a book and return its exit code and combined output (colours off). */
export function astroBuild(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? makeTempDir('book-build-');
  const env: NodeJS.ProcessEnv = {
    ...astroEnvironment(),
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    BOOK_OUT_DIR: outDir,
    BOOK_CACHE_DIR: path.join(outDir, '..', `${path.basename(outDir)}-cache`),
  };
  if (options.bookRoot) env.BOOK_ROOT = options.bookRoot;
  else delete env.BOOK_ROOT;
  if (options.base) env.BASE = options.base;
  else delete env.BASE;
  if (options.site) env.SITE = options.site;
  else delete env.SITE;
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: projectRoot, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, outDir }));
  });
}

/** Path of a fixture book under tests/fixtures. */
export function fixture(name: string): string {
  return path.join(projectRoot, 'tests', 'fixtures', name);
}

export { projectRoot };

export interface DevServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Start `astro dev` for a book on a free port; resolves once the server answers. */
export async function astroDev(options: { bookRoot?: string } = {}): Promise<DevServer> {
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => resolve(free));
    });
  });
  const cacheDir = makeTempDir('book-dev-cache-');
  const env: NodeJS.ProcessEnv = { ...astroEnvironment(), FORCE_COLOR: '0', NO_COLOR: '1', BOOK_CACHE_DIR: cacheDir };
  if (options.bookRoot) env.BOOK_ROOT = options.bookRoot;
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: projectRoot, env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}/`;
  // Generous: on a busy 2-core machine the first start (dependency optimisation, content sync) takes over a minute.
  const deadline = Date.now() + 150_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status > 0) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`astro dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once('close', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
