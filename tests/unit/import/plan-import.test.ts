import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/import/plan-import.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** A small Jupyter Book from `files` (path → text). */
function bookOf(files: Record<string, string>): string {
  const root = makeTempDir('jb-plan-');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('planImport', () => {
  it('should give a file name that is not an id an id of letters, digits and dashes, and follow it in {doc} links', () => {
    const plan = planImport(
      bookOf({
        '_toc.yml': 'format: jb-book\nroot: intro\nchapters:\n  - file: notes/my_first.notebook\n',
        '_config.yml': 'title: T\nauthor: A\n',
        'intro.md': '# Intro\n\nSee {doc}`my_first.notebook` and {doc}`notes/my_first.notebook`.\n',
        'notes/my_first.notebook.md': '# First\n\nText.\n',
      }),
    );
    expect(parse(plan.files.get('content/book.yaml') as string).parts).toEqual([{ title: 'T', chapters: ['intro', 'my-first-notebook'] }]);
    expect(plan.files.get('content/1-t/intro.md')).toContain('See {doc}`my-first-notebook` and {doc}`my-first-notebook`.');
    expect(plan.files.has('content/1-t/my-first-notebook.md')).toBe(true);
    expect(plan.redirects).toContain('- notes/my_first.notebook.html -> {doc}`my-first-notebook`');
    expect(plan.report.items.filter((item) => item.unresolved)).toEqual([]);
  });

  it('should read the older toc format, list a .rst chapter as not imported and a citation missing from the .bib', () => {
    const plan = planImport(
      bookOf({
        '_toc.yml': '- file: intro\n- part: Basics\n  chapters:\n  - file: a\n  - file: b\n',
        '_config.yml': 'title: T\nauthor: A\nbibtex_bibfiles: [refs.bib]\n',
        'intro.md': '# Intro\n\nText {cite:p}`known,unknown`.\n',
        'a.md': '# A\n\nText.\n',
        'b.rst': 'B\n=\n',
        'refs.bib': '@book{known,\n  title = {K},\n  year = {2020}\n}\n',
      }),
    );
    expect(parse(plan.files.get('content/book.yaml') as string).parts).toEqual([{ title: 'Basics', chapters: ['intro', 'a'] }]);
    expect(plan.report.items.filter((item) => item.unresolved).map((item) => [item.file, item.line, item.construct])).toEqual([
      ['b.rst', undefined, 'a `.rst` chapter'],
      ['intro.md', 3, 'citation key `unknown`'],
    ]);
  });

  it('should name a .bib file the config lists but the book lacks', () => {
    expect(() => planImport(bookOf({ '_toc.yml': 'format: jb-book\nroot: intro\n', '_config.yml': 'bibtex_bibfiles: [gone.bib]\n', 'intro.md': '# I\n' }))).toThrow(
      /^_config\.yml: `bibtex_bibfiles` lists `gone\.bib`, which is not in the book folder/,
    );
  });
});
