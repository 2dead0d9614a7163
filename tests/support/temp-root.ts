/**
 * Global setup, listed first in every test project: one temporary root folder for the whole run,
 * removed at its end. Workers, other global setups and the Astro child processes inherit its path
 * through the environment. Projects' global setups may run in any order, so the first one to run
 * makes the root and owns its removal; the others find it made.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_TEMP_ROOT } from './temp-dir.js';

export default function createTempRoot(): () => void {
  if (process.env[TEST_TEMP_ROOT]) return () => {};
  const root = mkdtempSync(path.join(os.tmpdir(), 'rai-book-tests-'));
  process.env[TEST_TEMP_ROOT] = root;
  return () => {
    rmSync(root, { recursive: true, force: true });
    delete process.env[TEST_TEMP_ROOT];
  };
}
