/**
 * The citation style is set in one place, `citationStyle` in content/book.yaml. The real book built
 * with the numeric style (Vancouver): the generative-AI chapter cites by number, in order of first
 * citation, and its References list the same 23 works numbered the same way.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, projectRoot } from '../support/astro-build.js';
import { makeTempDir } from '../support/temp-dir.js';

describe('citation styles', () => {
  it('should render the generative-AI chapter with numbered citations when the book asks for Vancouver', async () => {
    const root = makeTempDir('book-vancouver-');
    for (const folder of ['content', 'bib', 'public']) cpSync(path.join(projectRoot, folder), path.join(root, folder), { recursive: true });
    const structure = path.join(root, 'content/book.yaml');
    writeFileSync(structure, readFileSync(structure, 'utf8').replace(/^firstPartNumber:/m, 'citationStyle: vancouver\nfirstPartNumber:'));
    const { code, output, outDir } = await astroBuild({ bookRoot: root });
    expect(code, output).toBe(0);
    const html = readFileSync(path.join(outDir, 'generative-ai/index.html'), 'utf8');
    const citations = [...html.matchAll(/<span class="citation citation-parenthetical">(.*?)<\/span>/g)].map((match) => (match[1] as string).replace(/<[^>]+>/g, ''));
    // The first citations of the chapter are numbered 1, 2, 3… in order.
    expect(citations.slice(0, 4)).toEqual(['(1)', '(2)', '(3)', '(4)']);
    expect(html).not.toMatch(/et al\., 20\d\d\)/);
    // Textual citations keep the names: "Betley et al. (n)".
    expect(html.replace(/<[^>]+>/g, '')).toMatch(/Betley et al\. \(\d+\)/);
    const references = [...html.matchAll(/<li id="ref-([^"]+)" class="reference">/g)].map((match) => match[1]);
    expect(references).toHaveLength(23);
    expect(references[0]).toBe('dai2024bias');
    expect(html).toMatch(/<li id="ref-dai2024bias" class="reference"><div class="csl-entry"[^>]*>\s*<div class="csl-left-margin">1\.\s*<\/div>/);
  });
});
