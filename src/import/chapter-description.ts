/**
 * A chapter's one-line description (the frontmatter's `description`, at most 200 characters) taken
 * from the first paragraph of its text: roles give their text, links their words, markup is dropped.
 */
const MAX = 200;

/** The first paragraph of plain prose in `markdown`, flattened to one line; undefined if there is none. */
export function firstParagraph(markdown: string): string | undefined {
  const paragraph: string[] = [];
  let fence: string | undefined;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    const fenceMark = /^(`{3,}|~{3,}|:{3,})/.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && line === fenceMark) fence = undefined;
      continue;
    }
    if (fenceMark) {
      if (paragraph.length > 0) break;
      fence = fenceMark;
      continue;
    }
    const skip = line === '' || /^(#|\(.*\)=$|<|>|\$\$|!\[|\||[-*+] |\d+\. |---|\[\^)/.test(line);
    if (skip) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(line);
  }
  return paragraph.length > 0 ? paragraph.join(' ') : undefined;
}

/** Plain text of inline MyST Markdown. */
export function plainText(inline: string): string {
  return inline
    // A citation reads as nothing without its rendering; other roles read as their text.
    .replace(/\s*\{cite(?::[a-z]+)?\}`[^`]*`/g, '')
    .replace(/\{[\w:.-]+\}`([^`]*)`/g, (_, content: string) => /^(.*\S)\s*<[^<>]+>$/.exec(content)?.[1] ?? content)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, '$2')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The description for a chapter: its first paragraph as plain text, cut at a word within 200 characters. */
export function chapterDescription(markdown: string): string | undefined {
  const paragraph = firstParagraph(markdown);
  if (paragraph === undefined) return undefined;
  const text = plainText(paragraph);
  if (text === '') return undefined;
  if (text.length <= MAX) return text;
  const cut = text.slice(0, MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
