/**
 * Launch Chromium through Playwright for the browser tests: the binary found by `findChromium`
 * (CHROMIUM_PATH, else the system's, else the one inside the `@sparticuz/chromium` npm package).
 */
import { type Browser, chromium } from 'playwright-core';
import { findChromium, SYSTEM_CHROMIUM_PATHS } from './chromium-binary.js';

/** Flags that keep Chromium off the (closed) network and allow running it as root. */
export const CHROMIUM_FLAGS: readonly string[] = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A headless Chromium. */
export async function launchBrowser(options: { systemPaths?: readonly string[] } = {}): Promise<Browser> {
  const binary = await findChromium(options.systemPaths ?? SYSTEM_CHROMIUM_PATHS);
  return chromium.launch({ executablePath: binary.path, args: [...new Set([...binary.args, ...CHROMIUM_FLAGS])] });
}
