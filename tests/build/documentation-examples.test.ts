/**
 * What the documentation tells an author to write builds: every Markdown example of the README's
 * Writing section and of AUTHORING.md becomes a chapter of a small book (one `.mdx` file per example,
 * named after its document and line), and a real `astro build` must publish each of them without a
 * content error.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectRoot, type BuildResult } from '../support/astro-build.js';
import { extractExamples, writeExamplesBook, type ExamplesBook } from '../support/documentation-examples.js';

const readme = extractExamples(readFileSync(path.join(projectRoot, 'README.md'), 'utf8'), 'README.md', '## Writing');
const authoring = extractExamples(readFileSync(path.join(projectRoot, 'AUTHORING.md'), 'utf8'), 'AUTHORING.md');

let book: ExamplesBook;
let build: BuildResult;

beforeAll(async () => {
  book = writeExamplesBook([...readme, ...authoring]);
  // The README's figure example names a figure of the real book.
  cpSync(path.join(projectRoot, 'public', 'figures'), path.join(book.root, 'public', 'figures'), { recursive: true });
  build = await astroBuild({ bookRoot: book.root });
}, 600_000);

/** The build's error lines that name one of `document`'s example chapters. */
function errorsOf(document: string): string[] {
  const prefix = path.basename(document, '.md').toLowerCase();
  return build.output.split('\n').filter((line) => line.includes(`content/examples/${prefix}-l`) && /\berror\b/.test(line));
}

function unpublished(document: string): string[] {
  return book.chapters
    .filter(({ example }) => example.document === document)
    .filter(({ slug }) => !existsSync(path.join(build.outDir, slug, 'index.html')))
    .map(({ example }) => `${document}:${example.line}`);
}

describe('the documentation’s Markdown examples build', () => {
  it('should find the README’s examples: a chapter’s frontmatter, a figure, an interactive figure and collapsible answers', () => {
    expect(readme.map((example) => example.kind)).toContain('frontmatter');
    const bodies = readme.map((example) => example.body).join('\n');
    expect(bodies).toContain('```{figure}');
    expect(bodies).toContain('```{interactive}');
    expect(bodies).toContain('<details>');
  });

  it('should build every example of the README’s Writing section without a content error', () => {
    expect(errorsOf('README.md')).toEqual([]);
    expect(unpublished('README.md')).toEqual([]);
  });

  it('should build every example of AUTHORING.md without a content error', () => {
    expect(authoring.length).toBeGreaterThan(8);
    expect(errorsOf('AUTHORING.md')).toEqual([]);
    expect(unpublished('AUTHORING.md')).toEqual([]);
  });

  it('should end the build with exit code 0', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
  });
});
