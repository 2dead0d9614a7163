/**
 * The Markdown examples of the project's documentation (README, AUTHORING.md), built as chapters of a
 * small book, so that what the documentation tells an author to write is known to build.
 *
 * An example is a fenced block whose info string is `md`, `mdx` or `markdown` (the outer fence may be
 * longer than the fences it holds: ```` ````md ```` around ```` ```{figure} ````), or a `yaml` block that
 * starts with `---`: a chapter's frontmatter. Other blocks (`sh`, `yaml` settings, `text`) are not examples.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fixture } from './astro-build.js';
import { makeTempDir } from './temp-dir.js';

export interface DocumentationExample {
  /** The documentation file, for messages (`README.md`). */
  document: string;
  /** 1-based line of the example's opening fence in that file. */
  line: number;
  /** `markdown` for a chapter fragment, `frontmatter` for a chapter's frontmatter. */
  kind: 'markdown' | 'frontmatter';
  body: string;
}

/**
 * The examples of `markdown` between the heading `fromHeading` (a whole line, e.g. `## Writing`) and
 * the next heading of the same level; the whole file when `fromHeading` is not given.
 */
export function extractExamples(markdown: string, document: string, fromHeading?: string): DocumentationExample[] {
  const lines = markdown.split('\n');
  let first = 0;
  let last = lines.length;
  if (fromHeading) {
    first = lines.indexOf(fromHeading);
    if (first < 0) throw new Error(`${document} has no line \`${fromHeading}\``);
    const level = /^#+/.exec(fromHeading)?.[0] ?? '#';
    const next = lines.findIndex((line, index) => index > first && new RegExp(`^#{1,${level.length}} `).test(line));
    if (next > 0) last = next;
  }
  const examples: DocumentationExample[] = [];
  for (let index = first; index < last; index++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[index] ?? '');
    if (!open) continue;
    const [, indent = '', fence = '```', info = ''] = open;
    // A backtick fence's info string has no backtick: ```` ```{note} ```` starting a line is inline code.
    if (fence.startsWith('`') && (lines[index] ?? '').slice(indent.length + fence.length).includes('`')) continue;
    const close = new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const end = lines.findIndex((line, at) => at > index && close.test(line));
    if (end < 0) throw new Error(`${document}:${index + 1}: unclosed code fence`);
    // Remove the fence's own indentation (an example inside a list item).
    const body = lines.slice(index + 1, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart())).join('\n');
    if (['md', 'mdx', 'markdown'].includes(info)) examples.push({ document, line: index + 1, kind: 'markdown', body });
    else if (info === 'yaml' && body.trimStart().startsWith('---')) examples.push({ document, line: index + 1, kind: 'frontmatter', body });
    index = end;
  }
  return examples;
}

/** The id of the examples book's first chapter, with the label `sec-post-processing`, the equation `eq-equal-opportunity` and the figure `fig-threshold-rule`. */
export const HOME_CHAPTER = '1-3-mitigation';

export interface ExamplesBook {
  root: string;
  /** Each example's chapter: its file (relative to the book) and its page's slug. */
  chapters: { example: DocumentationExample; id: string; file: string; slug: string }[];
}

/**
 * A temporary book (tests/fixtures/authoring-examples: a .bib, a glossary, a figure) with one `.mdx`
 * chapter per example, named after the example's document and line (`readme-l245.mdx`) so that a
 * build error names the example, and a first chapter (`HOME_CHAPTER`) that cross-reference examples link to.
 */
export function writeExamplesBook(examples: DocumentationExample[]): ExamplesBook {
  const root = makeTempDir('documentation-examples-');
  cpSync(fixture('authoring-examples'), root, { recursive: true });
  const folder = path.join(root, 'content', 'examples');
  mkdirSync(folder, { recursive: true });
  // The chapter the examples' cross-references point to: a section, an equation and a figure, labelled.
  writeFileSync(
    path.join(folder, 'examples-home.mdx'),
    [
      '---',
      `id: ${HOME_CHAPTER}`,
      'title: Mitigating Bias',
      'slug: mitigating-bias',
      '---',
      '',
      '(sec-post-processing)=',
      '## Post-processing',
      '',
      '$$',
      'P(\\hat{Y} = 1 \\mid Y = 1, A = a) = P(\\hat{Y} = 1 \\mid Y = 1, A = b) \\label{eq-equal-opportunity}',
      '$$',
      '',
      '```{figure} /figures/example.svg',
      ':name: fig-threshold-rule',
      ':alt: A filled square and an empty circle.',
      'Two shapes.',
      '```',
      '',
    ].join('\n'),
  );
  const chapters: ExamplesBook['chapters'] = [];
  for (const example of examples) {
    const name = `${path.basename(example.document, '.md').toLowerCase()}-l${example.line}`;
    let text: string;
    let id = name;
    let slug = name;
    if (example.kind === 'frontmatter') {
      const frontmatter = parseYaml(example.body.replace(/^\s*---\s*\n/, '').replace(/\n---\s*$/, '')) as { id: string; slug?: string };
      id = frontmatter.id;
      slug = frontmatter.slug ?? frontmatter.id.toLowerCase();
      text = `${example.body.trim()}\n\nA chapter with the documentation's example frontmatter.\n`;
    } else {
      text = `---\nid: ${id}\ntitle: Example from ${example.document} line ${example.line}\n---\n\n${example.body}\n`;
    }
    const file = path.join('content', 'examples', `${name}.mdx`);
    writeFileSync(path.join(root, file), text);
    chapters.push({ example, id, file, slug });
  }
  const ids = chapters.map((chapter) => chapter.id);
  writeFileSync(
    path.join(root, 'content', 'book.yaml'),
    ['title: Documentation Examples', 'authors: [Test Author]', 'parts:', '  - title: Examples', '    chapters:', `      - ${HOME_CHAPTER}`, ...ids.map((id) => `      - ${id}`), ''].join('\n'),
  );
  return { root, chapters };
}

