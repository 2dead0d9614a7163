/**
 * Roles at the very start of a paragraph in MDX (where MDX would otherwise read `{` as a flow
 * expression and fail), and empty roles, which must be parsed so they can be reported.
 */
import type { Paragraph, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';

function parse(source: string): { tree: Root; file: VFile } {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMystRoles);
  const file = new VFile(source);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { tree, file };
}

describe('roles at the start of a paragraph in MDX', () => {
  it('should parse a paragraph that starts with a role as a paragraph with a cite node', () => {
    const { tree } = parse('{cite:t}`betley2025emergent` showed that.\n');
    const paragraph = tree.children[0] as Paragraph;
    expect(paragraph.type).toBe('paragraph');
    expect(paragraph.children[0]).toMatchObject({ type: 'cite', kind: 't', keys: ['betley2025emergent'] });
    expect(paragraph.children[0]?.position?.start).toMatchObject({ line: 1, column: 1 });
    expect(paragraph.children[1]).toMatchObject({ type: 'text', value: ' showed that.' });
  });

  it('should continue a paragraph when one of its lines starts with a role, in MDX and in Markdown', () => {
    const source = 'The notebook in\n{doc}`1-2-audit` computes the rates.\n';
    for (const processor of [unified().use(remarkParse).use(remarkMdx).use(remarkMystRoles), unified().use(remarkParse).use(remarkMystRoles)]) {
      const tree = processor.runSync(processor.parse(source)) as Root;
      expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
      expect((tree.children[0] as Paragraph).children.map((node) => node.type)).toEqual(['text', 'crossReference', 'text']);
    }
  });

  it('should still parse a flow expression alone on its line', () => {
    const { tree } = parse('{1 + 1}\n');
    expect(tree.children[0]?.type).toBe('mdxFlowExpression');
  });

  it('should keep parsing the following paragraphs and their expressions', () => {
    const { tree } = parse('{doc}`1-1-intro` opens the part.\n\nNext {1 + 1} paragraph.\n');
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'paragraph']);
    expect((tree.children[0] as Paragraph).children[0]).toMatchObject({ type: 'crossReference', kind: 'doc', target: '1-1-intro' });
    expect((tree.children[1] as Paragraph).children.map((node) => node.type)).toEqual(['text', 'mdxTextExpression', 'text']);
  });
});

describe('empty roles', () => {
  it('should parse `{cite:p}``` as a citation without keys instead of failing as MDX', () => {
    const { tree } = parse('Empty {cite:p}`` here.\n');
    const paragraph = tree.children[0] as Paragraph;
    expect(paragraph.children[1]).toMatchObject({ type: 'cite', kind: 'p', keys: [] });
    expect(paragraph.children[2]).toMatchObject({ type: 'text', value: ' here.' });
  });
});
