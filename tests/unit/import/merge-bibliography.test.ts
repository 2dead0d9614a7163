import { describe, expect, it } from 'vitest';
import { mergeBibliographies } from '../../../src/import/merge-bibliography.js';

describe('mergeBibliographies', () => {
  it('should keep a single file as it is', () => {
    const text = '@article{a,\n  title = {A}\n}\n\n@book{b,\n  title = {B}\n}\n';
    const merged = mergeBibliographies([{ displayPath: 'references.bib', text }]);
    expect(merged.text).toBe(text);
    expect(merged.keys).toEqual(['a', 'b']);
    expect(merged.duplicates).toEqual([]);
  });

  it('should merge files in order and leave out a repeated key, naming where it was', () => {
    const merged = mergeBibliographies([
      { displayPath: 'one.bib', text: '@string{acm = {ACM}}\n@article{a,\n  title = {A}\n}\n' },
      { displayPath: 'two.bib', text: '@article{c,\n  title = {C}\n}\n@article{A,\n  title = {A again}\n}\n' },
    ]);
    expect(merged.keys).toEqual(['a', 'c']);
    expect(merged.duplicates).toEqual([{ key: 'A', file: 'two.bib', line: 4, keptFrom: 'one.bib' }]);
    expect(merged.text).toContain('@string{acm = {ACM}}');
    expect(merged.text).not.toContain('A again');
    expect(merged.text.startsWith('% Merged by the Jupyter Book import from one.bib, two.bib.')).toBe(true);
  });
});
