/**
 * Chapters in the MyST that Jupyter Book authors write, through a real `astro build` of fixture books:
 * every mistake reported together at its line with suggestions, and a good chapter published with its
 * title once, its id's case kept in its old URL, and its relative image copied under a content hash.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';

describe('MyST mistakes fail the build, all listed with their positions', () => {
  it('should list the unknown directive, option, raw LaTeX and missing or mis-cased images together', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('myst-errors') });
    expect(code).not.toBe(0);
    const file = 'content/p/e-1-Mistakes.md';
    const at = (line: number, rest: string) => new RegExp(`${file.replace(/[.]/g, '\\.')}:${line}:\\d+\\s+error\\s+${rest}`);
    expect(output).toMatch(at(7, 'Unknown directive `\\{dropdwn\\}` \\(did you mean `\\{dropdown\\}`\\?\\); known directives: .*\\[directive-known\\]'));
    expect(output).toMatch(at(12, '`\\{note\\}` has no option `:clas:` \\(did you mean `:class:`\\?\\).*\\[directive-valid\\]'));
    expect(output).toMatch(at(16, 'LaTeX shown as text: `\\\\begin\\{pmatrix\\}` was not typeset.*\\[math-raw-latex\\]'));
    expect(output).toMatch(at(18, 'LaTeX shown as text: a `\\$\\$` was not typeset.*\\[math-raw-latex\\]'));
    expect(output).toMatch(at(20, 'Image `../images/missing.png` does not exist: .*\\(nearest in that folder: `feedback_loop.png`\\).*\\[image-exists\\]'));
    expect(output).toMatch(at(22, 'Image `../images/Feedback_Loop.png`: `Feedback_Loop.png` differs in case from `feedback_loop.png` on disk.*\\[image-exists\\]'));
    expect(output).toMatch(at(24, 'Figure image `../Images/feedback_loop.png`: `Images` differs in case from `images` on disk.*\\[image-exists\\]'));
    expect(output).toMatch(/7 content error\(s\)/);
    // Our check stops the build before Astro's own image or code-block errors could print their noise.
    expect(output).not.toMatch(/ENOENT|Could not find requested image|Could not load|\[glob-loader\]/);
  });
});

describe('a Jupyter Book chapter is published', () => {
  it('should print the `# Heading` title once, keep the id’s case in its old URL, and copy the relative image with a content hash', async () => {
    const { code, output, outDir } = await astroBuild({ bookRoot: fixture('myst-book') });
    expect(code, output).toBe(0);
    // The slug defaults to the id in lowercase; the page's one <h1> is the title from `# Heading`.
    const page = readFileSync(path.join(outDir, '1-1-feedback', 'index.html'), 'utf8');
    expect(page.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(page).toMatch(/<h1[^>]*>Feedback Loops in Deployed Models<\/h1>/);
    expect(page).toContain('<title>1.1 Feedback Loops in Deployed Models');
    // The previous edition's URL, with the id's capitals, redirects to the page.
    const redirect = readFileSync(path.join(outDir, 'content', '1-1-Feedback.html'), 'utf8');
    expect(redirect).toContain('<meta http-equiv="refresh" content="0; url=../1-1-feedback/">');
    // `../images/feedback_loop.png` (Markdown image and figure) is one fingerprinted file of the output.
    const images = readdirSync(path.join(outDir, '_astro')).filter((name) => name.startsWith('feedback_loop.'));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^feedback_loop\.[\w-]{8,}\.\w+$/);
    expect(page.match(new RegExp(`src="/_astro/${images[0]!.replace(/[.]/g, '\\.')}"`, 'g'))).toHaveLength(2);
    expect(existsSync(path.join(outDir, 'content', 'images'))).toBe(false);
    // In the .mdx chapter: a colon-fenced callout (not an MDX expression), a footnote called inside it
    // and listed at the end, and a bare `equation` environment numbered for {eq}.
    const mdx = readFileSync(path.join(outDir, '1-2-mdx', 'index.html'), 'utf8');
    expect(mdx).toMatch(/<div class="callout callout-note" role="note"><p class="callout-title">A colon fence in MDX<\/p><p>.*<a href="#user-content-fn-braces"[^>]*data-footnote-ref/s);
    expect(mdx).toMatch(/<li id="user-content-fn-braces">\s*<p>MDX reads the fence before it reads expressions\./);
    expect(mdx).toContain('<div id="eq-gap" class="equation">');
    expect(mdx).toMatch(/<a [^>]*href="#eq-gap"[^>]*>\(1\.2\.1\)<\/a>/);
  });
});
