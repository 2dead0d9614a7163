/**
 * The problem anchors the dev server's banner links to: none in a build; in dev one before each place
 * a check reported, named with the file's own line (a `.md` chapter is rendered without its frontmatter).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkProblemAnchors, { enableProblemAnchors } from '../../../src/markdown/problem-anchors/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

/** Parse `body` as the text rendered from the file at `file`, report a problem at every `BAD`, then anchor. */
function anchorsOf(root: string, file: string, body: string) {
  const processor = unified()
    .use(remarkParse)
    .use(() => (tree: Root, vfile: VFile) => {
      visit(tree, 'text', (node) => {
        const at = node.value.indexOf('BAD');
        if (at < 0 || !node.position) return;
        vfile.message('A problem', { place: { line: node.position.start.line, column: node.position.start.column + at }, ruleId: 'some-rule' }).fatal = true;
      });
    })
    .use(remarkProblemAnchors, { root });
  const vfile = new VFile({ path: file, value: body });
  const tree = processor.runSync(processor.parse(vfile), vfile) as Root;
  const anchors: { id: unknown; where: unknown; next: string | undefined }[] = [];
  visit(tree, (node, index, parent) => {
    const properties = (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties;
    if (!properties?.dataBookProblem || index === undefined || !parent) return;
    const next = parent.children[index + 1];
    anchors.push({ id: properties.id, where: properties.dataBookProblem, next: next && 'value' in next ? String(next.value) : next?.type });
  });
  return anchors;
}

describe('problem anchors', () => {
  it('should add nothing outside the dev server', () => {
    const root = makeTempDir('anchors-');
    writeFileSync(path.join(root, 'x.mdx'), 'Text BAD.\n');
    expect(anchorsOf(root, path.join(root, 'x.mdx'), 'Text BAD.\n')).toEqual([]);
  });

  it('should place an anchor before the node of each problem, named by file, line and column', () => {
    enableProblemAnchors();
    const root = makeTempDir('anchors-');
    const source = 'First paragraph.\n\nSecond BAD paragraph.\n';
    writeFileSync(path.join(root, 'c.mdx'), source);
    expect(anchorsOf(root, path.join(root, 'c.mdx'), source)).toEqual([{ id: 'book-problem-3-8', where: 'c.mdx:3:8', next: 'Second BAD paragraph.' }]);
  });

  it("should name the file's own line when only the body after the frontmatter is rendered", () => {
    enableProblemAnchors();
    const root = makeTempDir('anchors-');
    const body = '## A heading\n\nA BAD line.\n';
    writeFileSync(path.join(root, 'm.md'), `---\nid: m\ntitle: M\n---\n\n${body}`);
    // Frontmatter (4 lines) and the blank line after it, which Astro trims too: body line 3 is file line 8.
    expect(anchorsOf(root, path.join(root, 'm.md'), body.trim())).toEqual([{ id: 'book-problem-8-3', where: 'm.md:8:3', next: 'A BAD line.' }]);
  });
});
