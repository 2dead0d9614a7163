/**
 * The repository stands alone: a newcomer's clone has nothing beside it, so no tracked file may read
 * or point at the folder the project was first written next to. Test data copied from there lives
 * under tests/fixtures/ with a note of where it came from.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
// Spelled in parts so that this file does not name it itself.
const outsideFolder = ['..', 'shared'].join('/');

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: projectRoot, encoding: 'utf8' }).split('\0').filter(Boolean);
}

describe('a clone with nothing beside it', () => {
  it('should have no tracked file that names the folder beside the project', () => {
    const offenders = trackedFiles().filter((file) => {
      if (file === 'package-lock.json') return false;
      let text: string;
      try {
        text = readFileSync(path.join(projectRoot, file), 'utf8');
      } catch {
        return false; // deleted in the work tree but still tracked
      }
      return text.includes(outsideFolder);
    });
    expect(offenders).toEqual([]);
  });

  it('should keep the copied test data with a note of its origin', () => {
    const note = readFileSync(path.join(projectRoot, 'tests/fixtures/jupyter-book/README.md'), 'utf8');
    expect(note).toMatch(/references-jupyterbook\.bib/);
    expect(note).toMatch(/4-1-genai\.md/);
  });
});
