/**
 * Read a Jupyter Book `_config.yml`: the book's title and author, its bibliography files, its
 * repository link and its LaTeX macros (MathJax 3 `sphinx.config.mathjax3_config.tex.macros`, or
 * MathJax 2 `mathjax_config.TeX.Macros`), which KaTeX takes as `math.macros`. Settings this site has
 * no use for are listed for the report rather than dropped silently.
 */
import { z } from 'astro/zod';
import { readYamlFile } from './read-yaml.js';

/** A MathJax macro: its definition, or `[definition, number of arguments]` (KaTeX reads `#1` itself). */
const macroSchema = z.union([z.string(), z.tuple([z.string(), z.number().int()]).rest(z.unknown())]);
const macrosSchema = z.record(z.string(), macroSchema);

const configSchema = z.looseObject({
  title: z.string().optional(),
  author: z.string().optional(),
  copyright: z.union([z.string(), z.number()]).optional(),
  bibtex_bibfiles: z.array(z.string()).optional(),
  repository: z.looseObject({ url: z.string().optional(), path_to_book: z.string().optional(), branch: z.string().optional() }).optional(),
  parse: z.looseObject({ myst_enable_extensions: z.array(z.string()).optional(), myst_substitutions: z.record(z.string(), z.unknown()).optional() }).optional(),
  execute: z.looseObject({ execute_notebooks: z.union([z.string(), z.boolean()]).optional() }).optional(),
  sphinx: z
    .looseObject({
      config: z
        .looseObject({
          mathjax3_config: z.looseObject({ tex: z.looseObject({ macros: macrosSchema.optional() }).optional() }).optional(),
          mathjax_config: z.looseObject({ TeX: z.looseObject({ Macros: macrosSchema.optional() }).optional() }).optional(),
          bibtex_reference_style: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
});

/** What the import takes from `_config.yml`. */
export interface BookSettings {
  title?: string;
  author?: string;
  /** The .bib files, relative to the book folder, in the order given. */
  bibFiles: string[];
  repositoryUrl?: string;
  /** LaTeX macros for KaTeX: `\name` → definition. */
  macros: Record<string, string>;
  /** How notebooks were executed (`force`, `off`, `auto`, `cache`); outputs are always shown as stored. */
  executeNotebooks?: string;
  /** Settings not carried over, for the report: `key` (line) and why. */
  notCarried: { key: string; line?: number; why: string }[];
}

/** Top-level keys the import reads; any other is listed as not carried over. */
const READ = new Set(['title', 'author', 'bibtex_bibfiles', 'repository', 'execute', 'sphinx', 'parse', 'copyright', 'only_build_toc_files', 'exclude_patterns']);

/** MyST extensions whose syntax this site reads. */
const SUPPORTED_EXTENSIONS = new Set(['amsmath', 'colon_fence', 'dollarmath']);

/** Read `_config.yml`; throws an ImportError naming the file and line if it is malformed. */
export function readBookConfig(absolutePath: string, displayPath: string): BookSettings {
  const { data, lineOf } = readYamlFile(absolutePath, displayPath, configSchema);
  const notCarried: BookSettings['notCarried'] = [];
  const macros: Record<string, string> = {};
  const sphinx = data.sphinx?.config;
  const sources: [Record<string, z.infer<typeof macroSchema>> | undefined, string[]][] = [
    [sphinx?.mathjax_config?.TeX?.Macros, ['sphinx', 'config', 'mathjax_config', 'TeX', 'Macros']],
    [sphinx?.mathjax3_config?.tex?.macros, ['sphinx', 'config', 'mathjax3_config', 'tex', 'macros']],
  ];
  for (const [source, at] of sources) {
    for (const [name, value] of Object.entries(source ?? {})) {
      const definition = typeof value === 'string' ? value : value[0];
      if (Array.isArray(value) && value.length > 2) {
        notCarried.push({ key: `${at.join('.')}.${name}`, line: lineOf([...at, name]), why: 'a default for an optional first argument, which KaTeX macros do not have: the macro is kept without it' });
      }
      macros[name.startsWith('\\') ? name : `\\${name}`] = definition;
    }
  }
  for (const key of Object.keys(data)) {
    if (!READ.has(key)) notCarried.push({ key, line: lineOf([key]), why: 'no equivalent in this site' });
  }
  for (const key of Object.keys(sphinx ?? {})) {
    if (!['mathjax3_config', 'mathjax_config', 'bibtex_reference_style'].includes(key)) {
      notCarried.push({ key: `sphinx.config.${key}`, line: lineOf(['sphinx', 'config', key]), why: 'a Sphinx setting, with no equivalent in this site' });
    }
  }
  for (const extension of data.parse?.myst_enable_extensions ?? []) {
    if (!SUPPORTED_EXTENSIONS.has(extension)) {
      notCarried.push({ key: `parse.myst_enable_extensions: ${extension}`, line: lineOf(['parse', 'myst_enable_extensions']), why: 'this site does not read that MyST syntax: where a chapter uses it, the text shows as written' });
    }
  }
  for (const key of Object.keys(data.parse ?? {})) {
    if (key !== 'myst_enable_extensions') notCarried.push({ key: `parse.${key}`, line: lineOf(['parse', key]), why: key === 'myst_substitutions' ? 'substitutions (`{{ name }}`) stay as written in the text' : 'no equivalent in this site' });
  }
  const execute = data.execute?.execute_notebooks;
  if (execute !== undefined && execute !== 'off' && execute !== false) {
    notCarried.push({ key: 'execute.execute_notebooks', line: lineOf(['execute', 'execute_notebooks']), why: 'the site shows the outputs stored in each notebook and never runs them: save the notebooks with their outputs' });
  }
  return {
    title: data.title,
    author: data.author,
    bibFiles: data.bibtex_bibfiles ?? [],
    repositoryUrl: data.repository?.url,
    macros,
    ...(execute === undefined ? {} : { executeNotebooks: String(execute) }),
    notCarried,
  };
}
