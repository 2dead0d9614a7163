/**
 * AUTHORING.md, the author's reference, lists every rule id of the diagnostics registry in its table
 * of errors, with what it means and its fix, and the README links to it. (That its examples build is
 * tests/build/documentation-examples.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleId } from '../../../src/diagnostics/rule-ids.js';
import { extractExamples } from '../../support/documentation-examples.js';

const root = path.resolve(import.meta.dirname, '../../..');
const authoring = readFileSync(path.join(root, 'AUTHORING.md'), 'utf8');

/** The rows of the table under `## Errors and their fixes`: rule id → [meaning, fix]. */
function errorTable(): Map<string, string[]> {
  const section = authoring.slice(authoring.indexOf('## Errors and their fixes'));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = /^\| `([a-z-]+)` \|(.*)\|\s*$/.exec(line);
    if (cells) rows.set(cells[1] as string, (cells[2] as string).split(' | ').map((cell) => cell.trim()));
  }
  return rows;
}

describe('AUTHORING.md', () => {
  it('should explain every rule id of src/diagnostics/rule-ids.ts, with a meaning and a fix', () => {
    const table = errorTable();
    for (const id of Object.values(RuleId)) {
      expect(table.get(id), `rule id ${id}`).toBeDefined();
      const [meaning, fix] = table.get(id) ?? [];
      expect(meaning?.length, `meaning of ${id}`).toBeGreaterThan(10);
      expect(fix?.length, `fix of ${id}`).toBeGreaterThan(10);
    }
  });

  it('should list no rule id that the registry does not have', () => {
    const known = new Set<string>(Object.values(RuleId));
    expect([...errorTable().keys()].filter((id) => !known.has(id))).toEqual([]);
  });

  it('should be linked from the README', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('](AUTHORING.md)');
  });

  it('should hold Markdown examples for the build test to build', () => {
    const examples = extractExamples(authoring, 'AUTHORING.md');
    expect(examples.filter((example) => example.kind === 'markdown').length).toBeGreaterThan(8);
    expect(examples.filter((example) => example.kind === 'frontmatter')).toHaveLength(1);
  });
});
