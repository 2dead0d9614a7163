/**
 * Write an import's files into the target project without ever leaving it half-written, and without
 * overwriting an author's work:
 * - every file is first written into a staging folder beside the target (same file system), then
 *   renamed into place; if a rename fails, the files already moved are put back;
 * - `.import-manifest.json` records each written file's SHA-256; on a new import, a file that exists
 *   but was not written by the import, or was edited since, is not overwritten unless `force` is set,
 *   and the import stops listing every such file;
 * - files of the previous import that this one no longer writes are removed if unedited.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ImportError } from './import-error.js';

export const MANIFEST = '.import-manifest.json';

interface Manifest {
  /** Path relative to the target (forward slashes) → SHA-256 of the content written. */
  files: Record<string, string>;
}

export interface WriteOptions {
  /** Overwrite files edited since the last import, or not written by it. */
  force?: boolean;
  /** Files whose new content already includes the target's current content (merged), never a conflict. */
  merged?: ReadonlySet<string>;
}

export interface WriteResult {
  /** Files written or rewritten (unchanged ones are not). */
  written: string[];
  /** Files of the previous import no longer part of it, removed. */
  removed: string[];
  /** Files of the previous import no longer part of it, kept because they were edited. */
  keptEdited: string[];
  /** Files that existed, were not ours or were edited, and were overwritten because of `force`. */
  overwritten: string[];
}

/** The SHA-256 of a file's content, as the manifest records it. */
export function contentHash(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Read the target's manifest (none: an empty one). */
export function readManifest(target: string): Manifest {
  const file = path.join(target, MANIFEST);
  if (!existsSync(file)) return { files: {} };
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    return { files: data.files && typeof data.files === 'object' ? data.files : {} };
  } catch (error) {
    throw new ImportError(`the record of the last import is unreadable (${(error as Error).message}): delete it and import again with --force`, { file: MANIFEST });
  }
}

/** Files that would be overwritten though not written by the last import, or edited since. */
export function findConflicts(target: string, files: ReadonlyMap<string, string | Buffer>, manifest: Manifest, merged: ReadonlySet<string> = new Set()): { file: string; why: string }[] {
  const conflicts: { file: string; why: string }[] = [];
  for (const [file, content] of files) {
    const absolute = path.join(target, file);
    if (merged.has(file) || !existsSync(absolute)) continue;
    const current = contentHash(readFileSync(absolute));
    if (current === contentHash(content)) continue;
    const recorded = manifest.files[file];
    if (recorded === current) continue;
    conflicts.push({ file, why: recorded === undefined ? 'exists and was not written by the import' : 'edited since the last import' });
  }
  return conflicts;
}

/** Write `files` into `target` (a project root; created if missing). Throws an ImportError on a conflict, before writing. */
export function writeBook(target: string, files: ReadonlyMap<string, string | Buffer>, options: WriteOptions = {}): WriteResult {
  const root = path.resolve(target);
  const manifest = readManifest(root);
  const conflicts = findConflicts(root, files, manifest, options.merged);
  if (conflicts.length > 0 && !options.force) {
    throw new ImportError(
      `the import would overwrite ${conflicts.length} file(s) you may have edited; nothing was written:\n${conflicts.map((conflict) => `  ${conflict.file}  (${conflict.why})`).join('\n')}\nKeep your changes elsewhere, or run again with --force to overwrite them.`,
      { file: root },
    );
  }
  const result: WriteResult = { written: [], removed: [], keptEdited: [], overwritten: conflicts.map((conflict) => conflict.file) };
  const changed = [...files].filter(([file, content]) => {
    const absolute = path.join(root, file);
    return !existsSync(absolute) || contentHash(readFileSync(absolute)) !== contentHash(content);
  });
  const stale = Object.keys(manifest.files).filter((file) => !files.has(file) && existsSync(path.join(root, file)));
  for (const file of stale) {
    if (contentHash(readFileSync(path.join(root, file))) === manifest.files[file]) result.removed.push(file);
    else result.keptEdited.push(file);
  }
  const newManifest: Manifest = { files: Object.fromEntries([...files].map(([file, content]) => [file, contentHash(content)])) };
  const everything: [string, string | Buffer][] = [...changed, [MANIFEST, `${JSON.stringify(newManifest, null, 2)}\n`]];

  // Stage beside the target, so that renames stay on one file system.
  mkdirSync(path.dirname(root), { recursive: true });
  const staging = mkdtempSync(path.join(path.dirname(root), `.${path.basename(root)}-import-`));
  try {
    for (const [file, content] of everything) {
      mkdirSync(path.dirname(path.join(staging, 'new', file)), { recursive: true });
      writeFileSync(path.join(staging, 'new', file), content);
    }
    if (!existsSync(root)) {
      renameSync(path.join(staging, 'new'), root);
    } else {
      try {
        moveIntoPlace(root, staging, everything.map(([file]) => file), result.removed);
      } catch (error) {
        throw new ImportError(`could not move the imported files into place (${(error as Error).message}); the files were put back as they were`, { file: root });
      }
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  result.written = changed.map(([file]) => file);
  return result;
}

/** Rename each staged file into place, keeping what it replaces; on failure put everything back. */
function moveIntoPlace(root: string, staging: string, staged: readonly string[], removals: readonly string[]): void {
  const placed: string[] = [];
  const backedUp: string[] = [];
  const backup = (file: string) => path.join(staging, 'old', file);
  const setAside = (file: string) => {
    mkdirSync(path.dirname(backup(file)), { recursive: true });
    renameSync(path.join(root, file), backup(file));
    backedUp.push(file);
  };
  try {
    for (const file of staged) {
      const destination = path.join(root, file);
      if (existsSync(destination)) setAside(file);
      mkdirSync(path.dirname(destination), { recursive: true });
      renameSync(path.join(staging, 'new', file), destination);
      placed.push(file);
    }
    for (const file of removals) setAside(file);
  } catch (error) {
    // Undo in reverse; one step failing must not stop the others.
    for (const file of placed.reverse()) attempt(() => rmSync(path.join(root, file), { force: true }));
    for (const file of backedUp.reverse()) attempt(() => renameSync(backup(file), path.join(root, file)));
    throw error;
  }
}

function attempt(step: () => void): void {
  try {
    step();
  } catch {
    // reported by the error that started the rollback
  }
}
