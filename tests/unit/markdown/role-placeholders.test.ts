/**
 * Roles that no resolver handled render as marked placeholders (never as raw `{cite:p}` source), each
 * with a warning at the role (rule `role-resolved`).
 */
import type { Paragraph, Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';
import remarkRolePlaceholders, { markUnresolvedRoles } from '../../../src/markdown/role-placeholders/index.js';

function parse(source: string): { tree: Root; file: VFile } {
  const file = new VFile(source);
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMystRoles);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { tree, file };
}

function toHtml(tree: Root, file: VFile): string {
  return unified().use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file));
}

describe('markUnresolvedRoles', () => {
  it('should render an unresolved citation as a placeholder with its keys, and warn at its position', () => {
    const { tree, file } = parse('Intro.\n\nSee {cite:p}`a, b` here.\n');
    markUnresolvedRoles(tree, file);
    const html = toHtml(tree, file);
    expect(html).toBe('<p>Intro.</p>\n<p>See <span class="role-placeholder" data-role="cite:p" title="Unresolved citation: a, b">[a, b]</span> here.</p>');
    expect(html).not.toContain('{cite');
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message).toMatchObject({ ruleId: 'role-resolved', fatal: false, source: 'role-placeholders', line: 3, column: 5 });
    expect(message?.place).toMatchObject({ start: { line: 3, column: 5 }, end: { line: 3, column: 19 } });
    expect(message?.reason).toBe('Unresolved citation `{cite:p}`a, b`` shown as a placeholder until citations are resolved');
  });

  it('should render an unresolved cross-reference as a placeholder with its target, and warn at its position', () => {
    const { tree, file } = parse('As {cite:t}`k` says, read {doc}`1-3-mitigation`.\n');
    markUnresolvedRoles(tree, file);
    const html = toHtml(tree, file);
    expect(html).toBe(
      '<p>As <span class="role-placeholder" data-role="cite:t" title="Unresolved citation: k">[k]</span> says, read ' +
        '<span class="role-placeholder" data-role="doc" title="Unresolved cross-reference: 1-3-mitigation">1-3-mitigation</span>.</p>',
    );
    expect(html).not.toContain('{doc}');
    expect(file.messages.map((message) => [message.ruleId, message.fatal, message.line, message.column])).toEqual([
      ['role-resolved', false, 1, 4],
      ['role-resolved', false, 1, 27],
    ]);
    expect(file.messages[1]?.reason).toBe('Unresolved cross-reference `{doc}`1-3-mitigation`` shown as a placeholder until cross-references are resolved');
  });

  it('should leave a role that a resolver already rendered alone, without a warning', () => {
    const { tree, file } = parse('See {cite:p}`a` and {ref}`sec-x`.\n');
    const paragraph = tree.children[0] as Paragraph;
    const cite = paragraph.children[1];
    if (cite?.type !== 'cite') throw new Error('expected a cite node');
    cite.data = { hName: 'a', hProperties: { href: '#ref-a' }, hChildren: [{ type: 'text', value: '(A, 2024)' }] };
    markUnresolvedRoles(tree, file);
    expect(cite.data).toEqual({ hName: 'a', hProperties: { href: '#ref-a' }, hChildren: [{ type: 'text', value: '(A, 2024)' }] });
    expect(toHtml(tree, file)).toBe(
      '<p>See <a href="#ref-a">(A, 2024)</a> and <span class="role-placeholder" data-role="ref" title="Unresolved cross-reference: sec-x">sec-x</span>.</p>',
    );
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'role-resolved', fatal: false, line: 1, column: 21 });
  });

  it('should leave a tree without roles unchanged', () => {
    const { tree, file } = parse('Plain *text* and `{cite:p}` in code.\n');
    const before = structuredClone(tree);
    markUnresolvedRoles(tree, file);
    expect(tree).toEqual(before);
    expect(file.messages).toHaveLength(0);
  });
});

describe('remarkRolePlaceholders', () => {
  it('should mark the roles as the last remark plugin', () => {
    const file = new VFile('{cite:t}`k` opens.\n');
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMystRoles).use(remarkRolePlaceholders);
    const tree = processor.runSync(processor.parse(file), file) as Root;
    expect(toHtml(tree, file)).toBe('<p><span class="role-placeholder" data-role="cite:t" title="Unresolved citation: k">[k]</span> opens.</p>');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ ruleId: 'role-resolved', fatal: false, line: 1, column: 1 });
  });
});
