/**
 * A chapter's title from its first heading, when that heading is a `# Heading` (MyST's convention: a
 * Jupyter Book chapter has no title in its frontmatter). Read from the source without parsing the
 * chapter (the book model is built before any chapter is parsed): the first ATX heading outside code
 * and directive fences, its inline Markdown reduced to text.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

export interface HeadingTitle {
  title: string;
  /** The heading's line in the file (1-based). */
  line: number;
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---\r?(?:\n|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,}|:{3,})/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** The title given by the chapter's first heading if it is a level-1 heading, else undefined. */
export function headingTitle(source: string): HeadingTitle | undefined {
  const frontmatter = FRONTMATTER.exec(source)?.[0] ?? '';
  const lines = source.slice(frontmatter.length).split(/\r?\n/);
  const firstLine = (frontmatter.match(/\n/g)?.length ?? 0) + 1;
  let fence: string | undefined;
  for (const [index, line] of lines.entries()) {
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const heading = HEADING.exec(line);
    if (!heading) continue;
    if (heading[1] !== '#') return undefined;
    const text = (heading[2] ?? '').replace(/\s*\{#[^}]*\}$/, '');
    const title = toString(fromMarkdown(text)).trim();
    return title ? { title, line: firstLine + index } : undefined;
  }
  return undefined;
}
