/**
 * A directive's body is parsed once per text and handed out as copies: the same body at another line
 * gets that line's positions, and a caller that changes the nodes it got does not change what the
 * next caller gets.
 */
import type { Paragraph, Text } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseDirectiveBody, parseDirectiveInline } from '../../../src/markdown/directives/parse-body.js';

const body = 'A caption with $x^2$ and {cite:p}`smith2020`.\n\nA second paragraph.';

describe('parseDirectiveBody', () => {
  it('should place the same body at the line it is given, each time', () => {
    const first = parseDirectiveBody(body, 10);
    const again = parseDirectiveBody(body, 40);
    expect(first.map((node) => node.position?.start.line)).toEqual([10, 12]);
    expect(again.map((node) => node.position?.start.line)).toEqual([40, 42]);
    // Inner nodes move too.
    const math = (again[0] as Paragraph).children.find((child) => child.type === 'inlineMath');
    expect(math?.position?.start).toMatchObject({ line: 40, column: 16, offset: undefined });
  });

  it('should hand out copies that callers may change', () => {
    const first = parseDirectiveBody(body, 1);
    const text = (first[0] as Paragraph).children[0] as Text;
    text.value = 'changed by a plugin';
    (first[0] as Paragraph).children.push({ type: 'text', value: 'appended' });
    const second = parseDirectiveBody(body, 1);
    expect(((second[0] as Paragraph).children[0] as Text).value).toBe('A caption with ');
    expect((second[0] as Paragraph).children.some((child) => child.type === 'text' && child.value === 'appended')).toBe(false);
  });

  it('should parse a body again when the chapter defines other footnotes', () => {
    const caption = 'See the note.[^a]';
    // Without the chapter's definition the call is text; with it, a footnote reference.
    expect((parseDirectiveInline(caption, 1)).some((node) => node.type === 'footnoteReference')).toBe(false);
    expect((parseDirectiveInline(caption, 1, ['a'])).some((node) => node.type === 'footnoteReference')).toBe(true);
    expect((parseDirectiveInline(caption, 1)).some((node) => node.type === 'footnoteReference')).toBe(false);
  });

  it('should give a body the smart punctuation of the chapter text around it (the chapter’s pass ran before the body was parsed out)', () => {
    const inline = parseDirectiveInline("Move each group's threshold -- or \"jump\" to group $b$'s best...", 1);
    const text = inline.filter((node): node is Text => node.type === 'text').map((node) => node.value).join('|');
    expect(text).toBe('Move each group’s threshold — or “jump” to group |’s best…');
  });
});
