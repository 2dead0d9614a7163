/**
 * Which Chromium the browser tests and the audit drive. In order: the binary named by `CHROMIUM_PATH`;
 * the system's Chromium (Debian's package, `apt-get install -y chromium`); else the Chromium that ships
 * inside the `@sparticuz/chromium` npm package (unpacked on first use), so that `npm install` then
 * `npm test` pass on a machine with no browser installed. Playwright's own browser downloads are not
 * used: they fetch from hosts outside the npm registry.
 */
import { existsSync } from 'node:fs';

/** A Chromium binary and the flags it needs besides the tests' own. */
export interface ChromiumBinary {
  path: string;
  /** Where it comes from, for messages. */
  source: 'CHROMIUM_PATH' | 'system' | 'npm package @sparticuz/chromium';
  args: readonly string[];
}

/** Where Debian and most Linux distributions install Chromium. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Find the Chromium to use. `systemPaths` is a parameter so that a test can pretend no system
 * Chromium exists and exercise the npm fallback.
 */
export async function findChromium(systemPaths: readonly string[] = SYSTEM_CHROMIUM_PATHS): Promise<ChromiumBinary> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH names ${fromEnv}, which does not exist. Point it at a Chromium binary, or unset it to use the system's or the npm package's Chromium.`);
    return { path: fromEnv, source: 'CHROMIUM_PATH', args: [] };
  }
  const system = systemPaths.find((candidate) => existsSync(candidate));
  if (system) return { path: system, source: 'system', args: [] };
  const { default: packaged } = await import('@sparticuz/chromium');
  // Its graphics stack (SwiftShader) is only needed for WebGL, which the book does not use.
  packaged.setGraphicsMode = false;
  // Its recommended flags are made for serverless sandboxes; keep the ones that matter for headless
  // rendering and leave out those that would change what a reader's browser does (single process,
  // no zygote, forced scale).
  const args = packaged.args.filter((flag) => !/^--(single-process|no-zygote|headless|use-gl|use-angle|enable-unsafe-swiftshader|ignore-gpu-blocklist|window-size|force-device-scale-factor)/.test(flag));
  return { path: await packaged.executablePath(), source: 'npm package @sparticuz/chromium', args };
}
