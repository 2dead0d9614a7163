/**
 * Temporary folders of the test run. Every folder a test makes lives under one root per run, which
 * the global setup (`temp-root.ts`) creates and removes, so a run leaves nothing in the system's
 * temporary folder, whether a test cleans up after itself or fails half-way.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Environment variable naming the run's root folder; set by the global setup, read by every worker. */
export const TEST_TEMP_ROOT = 'BOOK_TEST_TEMP_ROOT';

/** A new empty folder under the run's root (or the system's temporary folder outside a test run). */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(path.join(process.env[TEST_TEMP_ROOT] ?? os.tmpdir(), prefix));
}
