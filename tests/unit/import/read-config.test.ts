import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBookConfig } from '../../../src/import/read-config.js';
import { makeTempDir } from '../../support/temp-dir.js';

function configFile(text: string): string {
  const file = path.join(makeTempDir('config-'), '_config.yml');
  writeFileSync(file, text);
  return file;
}

describe('readBookConfig', () => {
  it('should read the title, author, .bib files, repository and MathJax 3 macros', () => {
    const settings = readBookConfig(
      configFile(
        [
          'title: A Book',
          'author: Ada Author',
          'bibtex_bibfiles: [a.bib, b.bib]',
          'repository:',
          '  url: https://github.com/example/book',
          'sphinx:',
          '  config:',
          '    mathjax3_config:',
          '      tex:',
          '        macros:',
          '          R: "\\\\mathbb{R}"',
          '          norm: ["\\\\left\\\\lVert #1 \\\\right\\\\rVert", 1]',
          '',
        ].join('\n'),
      ),
      '_config.yml',
    );
    expect(settings).toMatchObject({ title: 'A Book', author: 'Ada Author', bibFiles: ['a.bib', 'b.bib'], repositoryUrl: 'https://github.com/example/book' });
    expect(settings.macros).toEqual({ '\\R': '\\mathbb{R}', '\\norm': '\\left\\lVert #1 \\right\\rVert' });
    expect(settings.notCarried).toEqual([]);
  });

  it('should read MathJax 2 macros too', () => {
    const settings = readBookConfig(configFile('sphinx:\n  config:\n    mathjax_config:\n      TeX:\n        Macros:\n          E: "\\\\mathbb{E}"\n'), '_config.yml');
    expect(settings.macros).toEqual({ '\\E': '\\mathbb{E}' });
  });

  it('should list the settings it does not carry over, with their lines', () => {
    const settings = readBookConfig(
      configFile('title: T\nlogo: logo.png\nparse:\n  myst_enable_extensions: [amsmath, deflist]\n  myst_substitutions:\n    year: 2024\nexecute:\n  execute_notebooks: force\n'),
      '_config.yml',
    );
    expect(settings.notCarried.map((item) => [item.key, item.line])).toEqual([
      ['logo', 2],
      ['parse.myst_enable_extensions: deflist', 4],
      ['parse.myst_substitutions', 6],
      ['execute.execute_notebooks', 8],
    ]);
  });

  it('should stop on a value of the wrong type at its line', () => {
    expect(() => readBookConfig(configFile('title: T\nbibtex_bibfiles: references.bib\n'), '_config.yml')).toThrow(/^_config\.yml:2:\d+: unexpected value at `bibtex_bibfiles`/);
  });
});
