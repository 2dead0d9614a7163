/**
 * remark plugin: Markdown images (`![alt](../images/x.png)`) point to files that exist. A path relative
 * to the chapter file (as Jupyter Book chapters write them) is left to Astro's asset pipeline, which
 * copies the image into the output under a content-hashed name (`_astro/x.<hash>.webp`) below the base
 * path; a path from `public/` (`/figures/x.png`) gets the base path prefixed. A missing file, or one
 * whose name differs in case from the file on disk, is an error at the image (rule `image-exists`)
 * with the nearest file named, reported before Astro would fail on it with its own message.
 */
import path from 'node:path';
import type { Image, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { resolveImagePath } from './image-path.js';

export { resolveImagePath, type ImagePath } from './image-path.js';

export interface ImageOptions {
  /** The book's `public/` folder, where paths starting with `/` are read from. */
  publicDir: string;
  /** The site's base path, ending in `/`. */
  base?: string;
}

export default function remarkImages(options: ImageOptions) {
  return (tree: Root, file: VFile) => checkImages(tree, file, options);
}

/** The chapter file's absolute path (the content check names files relative to the book root, its cwd). */
export function chapterPathOf(file: VFile): string {
  return path.resolve(file.cwd, file.path ?? 'chapter.md');
}

/** Check every local image of the tree; prefix the base to images from `public/`. */
export function checkImages(tree: Root, file: VFile, options: ImageOptions): void {
  visit(tree, 'image', (node: Image) => {
    if (isRemote(node.url)) return;
    const resolved = resolveImagePath(node.url, chapterPathOf(file), options.publicDir);
    if (!resolved.ok) {
      file.message(`Image ${resolved.reason}`, { place: node.position, ruleId: RuleId.imageExists, source: 'images' }).fatal = true;
    }
    if (node.url.startsWith('/')) node.url = `${options.base ?? '/'}${node.url.slice(1)}`;
  });
}

/** A URL with a scheme (`https:`, `data:`) or protocol-relative: not a file of the book. */
export function isRemote(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}
