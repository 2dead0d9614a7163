/**
 * Images referenced relative to the chapter (`../images/x.png`) or from public/ (`/figures/x.svg`): a
 * missing file, or one whose name differs only in case, is an error at the image with the file on disk
 * named (rule `image-exists`); found ones are left to Astro's asset pipeline (relative) or get the base.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Image, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { transformFigures } from '../../../src/markdown/figures/index.js';
import { checkImages } from '../../../src/markdown/images/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

const root = makeTempDir('images-book-');
mkdirSync(path.join(root, 'content', 'part'), { recursive: true });
mkdirSync(path.join(root, 'content', 'images'), { recursive: true });
mkdirSync(path.join(root, 'public', 'figures'), { recursive: true });
writeFileSync(path.join(root, 'content', 'images', 'agent_environment.png'), 'png');
writeFileSync(path.join(root, 'content', 'images', 'loop.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
writeFileSync(path.join(root, 'public', 'figures', 'a.png'), 'png');
const options = { publicDir: path.join(root, 'public'), base: '/rai/' };

/** A chapter file under content/part/, named relative to the book root as the content check does. */
function chapter(source: string): { tree: Root; file: VFile } {
  const file = new VFile({ path: 'content/part/c.md', cwd: root, value: source });
  return { tree: unified().use(remarkParse).parse(file), file };
}

describe('Markdown images', () => {
  it('should accept a relative image and one from public/, prefixing the base to the latter', () => {
    const { tree, file } = chapter('![An agent](../images/agent_environment.png)\n\n![A](/figures/a.png)\n\n![Remote](https://example.org/x.png)\n');
    checkImages(tree, file, options);
    expect(file.messages).toEqual([]);
    const urls: string[] = [];
    visit(tree, 'image', (node: Image) => {
      urls.push(node.url);
    });
    expect(urls).toEqual(['../images/agent_environment.png', '/rai/figures/a.png', 'https://example.org/x.png']);
  });

  it('should report a name that differs only in case, and a missing file with the nearest one, at their lines', () => {
    const { tree, file } = chapter('Text.\n\n![An agent](../images/Agent_Environment.png)\n\n![Loop](../Images/loop.svg)\n\n![Gone](../images/agent-environment.jpg)\n');
    checkImages(tree, file, options);
    expect(file.messages.map((message) => [message.line, message.column, message.ruleId, message.fatal])).toEqual([
      [3, 1, 'image-exists', true],
      [5, 1, 'image-exists', true],
      [7, 1, 'image-exists', true],
    ]);
    expect(file.messages[0]?.reason).toContain('`Agent_Environment.png` differs in case from `agent_environment.png` on disk');
    expect(file.messages[1]?.reason).toContain('`Images` differs in case from `images`');
    expect(file.messages[2]?.reason).toContain('there is no `../images/agent-environment.jpg` (nearest in that folder: `agent_environment.png`');
  });
});

describe('figures with a path relative to the chapter', () => {
  it('should make a real image node (for Astro’s asset pipeline) and inline a relative SVG', () => {
    const { tree, file } = chapter('```{figure} ../images/agent_environment.png\n:alt: An agent.\nCaption.\n```\n\n```{figure} ../images/loop.svg\n:alt: A loop.\nLoop.\n```\n');
    transformFigures(tree, file, options);
    expect(file.messages).toEqual([]);
    const images: Image[] = [];
    visit(tree, 'image', (node: Image) => {
      images.push(node);
    });
    expect(images.map((node) => node.url)).toEqual(['../images/agent_environment.png']);
    expect(JSON.stringify(tree)).toContain('"tagName":"svg"');
  });

  it('should report a case mismatch at the directive, with the file on disk', () => {
    const { tree, file } = chapter('Intro.\n\n```{figure} ../images/Loop.svg\n:alt: A loop.\nLoop.\n```\n');
    transformFigures(tree, file, options);
    expect(file.messages.map((message) => [message.line, message.ruleId])).toEqual([[3, 'image-exists']]);
    expect(file.messages[0]?.reason).toContain('`Loop.svg` differs in case from `loop.svg`');
  });
});
