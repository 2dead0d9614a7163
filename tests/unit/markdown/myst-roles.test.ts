/**
 * The MyST role syntax (micromark extension) and its typing into `cite` / `crossReference` nodes, in
 * `.md` (CommonMark) and in `.mdx` (where `{` otherwise starts a JS expression).
 */
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkMystRoles, { type Cite, type CrossReference } from '../../../src/markdown/myst-roles/index.js';

type Syntax = 'md' | 'mdx';

function parse(source: string, syntax: Syntax): { tree: Root; file: VFile } {
  const file = new VFile(source);
  const processor = syntax === 'mdx' ? unified().use(remarkParse).use(remarkMdx).use(remarkMystRoles) : unified().use(remarkParse).use(remarkMystRoles);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { tree, file };
}

/** The inline children of the tree's first block, which must be a paragraph. */
function inline(tree: Root): PhrasingContent[] {
  const first = tree.children[0];
  expect(first?.type).toBe('paragraph');
  return (first as Paragraph).children;
}

/** Every node of a type anywhere in the tree. */
function all(tree: Node, type: string): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.type === type) found.push(node);
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children as Node[]) walk(child);
  };
  walk(tree);
  return found;
}

describe.each<Syntax>(['md', 'mdx'])('remarkMystRoles in .%s', (syntax) => {
  it('should type `{cite:p}` as a parenthetical citation', () => {
    const { tree, file } = parse('See {cite:p}`a` here.\n', syntax);
    const children = inline(tree);
    expect(children.map((node) => node.type)).toEqual(['text', 'cite', 'text']);
    expect(children[1]).toMatchObject({ type: 'cite', kind: 'p', keys: ['a'] });
    expect(children[0]).toMatchObject({ type: 'text', value: 'See ' });
    expect(children[2]).toMatchObject({ type: 'text', value: ' here.' });
    expect(file.messages).toHaveLength(0);
  });

  it('should type `{cite:t}` as a textual citation', () => {
    const { tree, file } = parse('As {cite:t}`a` showed.\n', syntax);
    expect(inline(tree)[1]).toMatchObject({ type: 'cite', kind: 't', keys: ['a'] });
    expect(file.messages).toHaveLength(0);
  });

  it('should split several keys at commas and trim them', () => {
    const { tree, file } = parse('See {cite:p}`a, b`.\n', syntax);
    const cite = inline(tree)[1] as Cite;
    expect(cite.type).toBe('cite');
    expect(cite.keys).toEqual(['a', 'b']);
    expect(file.messages).toHaveLength(0);
  });

  it('should type `{doc}` as a cross-reference to a chapter', () => {
    const { tree, file } = parse('Read {doc}`1-3-mitigation` next.\n', syntax);
    const reference = inline(tree)[1] as CrossReference;
    expect(reference).toMatchObject({ type: 'crossReference', kind: 'doc', target: '1-3-mitigation' });
    expect(reference.text).toBeUndefined();
    expect(file.messages).toHaveLength(0);
  });

  it('should give the role node its exact source position', () => {
    // `{cite:p}`a, b`` spans columns 5–19 of line 2 (the end column is exclusive, as in unist).
    const { tree } = parse('First line.\nSee {cite:p}`a, b` here.\n', syntax);
    const cite = inline(tree).find((node) => node.type === 'cite');
    expect(cite?.position?.start).toMatchObject({ line: 2, column: 5, offset: 16 });
    expect(cite?.position?.end).toMatchObject({ line: 2, column: 19, offset: 30 });
  });

  it('should leave a role inside inline code literal', () => {
    const { tree, file } = parse('Write `{cite:p}` before a key.\n', syntax);
    const children = inline(tree);
    expect(children.map((node) => node.type)).toEqual(['text', 'inlineCode', 'text']);
    expect(children[1]).toMatchObject({ type: 'inlineCode', value: '{cite:p}' });
    expect(all(tree, 'cite')).toHaveLength(0);
    expect(file.messages).toHaveLength(0);
  });

  it('should leave a role inside a fenced code block literal', () => {
    const { tree, file } = parse('```md\nSee {cite:p}`a`.\n```\n', syntax);
    expect(tree.children[0]).toMatchObject({ type: 'code', lang: 'md', value: 'See {cite:p}`a`.' });
    expect(all(tree, 'cite')).toHaveLength(0);
    expect(all(tree, 'mystRole')).toHaveLength(0);
    expect(file.messages).toHaveLength(0);
  });

  it('should report an unknown role once, as fatal, at its position', () => {
    const { tree, file } = parse('A {foo}`x` role.\n', syntax);
    const [role] = all(tree, 'mystRole');
    expect(role).toMatchObject({ type: 'mystRole', name: 'foo', value: 'x' });
    expect(all(tree, 'cite')).toHaveLength(0);
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message).toMatchObject({ ruleId: 'role-known', fatal: true, source: 'myst-roles', line: 1, column: 3 });
    expect(message?.place).toMatchObject({ start: { line: 1, column: 3 }, end: { line: 1, column: 11 } });
    expect(message?.reason).toContain('Unknown role `{foo}`');
    expect(message?.reason).toContain('`{cite:p}`');
  });

  it('should read a value fenced by two backticks, with single backticks inside, as in inline code', () => {
    const { tree, file } = parse('See {ref}``a `b` c`` here.\n', syntax);
    const children = inline(tree);
    expect(children.map((node) => node.type)).toEqual(['text', 'crossReference', 'text']);
    expect(children[1]).toMatchObject({ type: 'crossReference', kind: 'ref', target: 'a `b` c' });
    expect(children[1]?.position?.end).toMatchObject({ line: 1, column: 21 });
    expect(children[2]).toMatchObject({ type: 'text', value: ' here.' });
    expect(file.messages).toHaveLength(0);
  });

  it('should keep a backtick run of another length inside the value', () => {
    const { tree } = parse('See {ref}```a `` b``` and {ref}`c``d`.\n', syntax);
    const references = all(tree, 'crossReference') as CrossReference[];
    expect(references.map((reference) => reference.target)).toEqual(['a `` b', 'c``d']);
  });

  it('should still read `{cite:p}``` with nothing closing it as an empty role', () => {
    const { tree, file } = parse('Empty {cite:p}`` here.\n', syntax);
    const children = inline(tree);
    expect(children[1]).toMatchObject({ type: 'cite', kind: 'p', keys: [] });
    expect(children[2]).toMatchObject({ type: 'text', value: ' here.' });
    expect(file.messages).toHaveLength(0);
  });

  it('should not take a role value that spans a line ending', () => {
    const { tree, file } = parse('See {doc}`1-3\nmitigation` here.\n', syntax);
    expect(all(tree, 'crossReference')).toHaveLength(0);
    expect(all(tree, 'mystRole')).toHaveLength(0);
    expect(file.messages).toHaveLength(0);
  });
});

describe('remarkMystRoles in .md only', () => {
  it('should leave `{cite:p}` without a backtick after it as text', () => {
    const { tree, file } = parse('Use {cite:p} for citations.\n', 'md');
    expect(inline(tree)).toEqual([expect.objectContaining({ type: 'text', value: 'Use {cite:p} for citations.' })]);
    expect(all(tree, 'mystRole')).toHaveLength(0);
    expect(file.messages).toHaveLength(0);
  });

  it('should give a multi-line role value back to inline code and text', () => {
    const { tree } = parse('See {doc}`1-3\nmitigation` here.\n', 'md');
    const types = inline(tree).map((node: RootContent) => node.type);
    expect(types).toEqual(['text', 'inlineCode', 'text']);
    expect(inline(tree)[0]).toMatchObject({ type: 'text', value: 'See {doc}' });
  });
});

describe('remarkMystRoles in .mdx only', () => {
  it('should still parse `{1 + 1}` as an MDX text expression beside a role', () => {
    const { tree, file } = parse('Sum {1 + 1} and {cite:p}`a`.\n', 'mdx');
    const children = inline(tree);
    expect(children.map((node) => node.type)).toEqual(['text', 'mdxTextExpression', 'text', 'cite', 'text']);
    expect(children[1]).toMatchObject({ type: 'mdxTextExpression', value: '1 + 1' });
    expect(file.messages).toHaveLength(0);
  });

  it('should leave `{cite:p}` without a backtick after it to MDX, which rejects it as an expression', () => {
    // Not a role, so the `{` is MDX's: the author gets MDX's own parse error, not a silent citation.
    expect(() => parse('Use {cite:p} for citations.\n', 'mdx')).toThrow();
  });
});
