import { describe, expect, it } from 'vitest';
import { convertMarkdownChapter } from '../../../src/import/convert-chapter.js';
import { chapterDescription } from '../../../src/import/chapter-description.js';

const identity = { id: '4-1-GenAI', fallbackTitle: 'Generative AI' };

describe('convertMarkdownChapter', () => {
  it('should add the id and a description from the first paragraph, leaving the body as written', () => {
    const body = '# Generative AI\n\nLarge models {cite:p}`brown2020language` write [text](https://example.org).\n\n## Next\n';
    const result = convertMarkdownChapter(body, 'content/4-1-GenAI.md', identity);
    expect(result.content).toBe(`---\nid: 4-1-GenAI\ndescription: Large models write text.\n---\n${body}`);
    expect(result.titleAdded).toBeUndefined();
  });

  it('should keep existing frontmatter fields and report lines of the source file', () => {
    const source = '---\njupytext:\n  formats: md:myst\ndescription: Given.\n---\n# T\n\nText {foo}`x`.\n';
    const result = convertMarkdownChapter(source, 'c.md', identity);
    expect(result.content).toBe('---\nid: 4-1-GenAI\njupytext:\n  formats: md:myst\ndescription: Given.\n---\n# T\n\nText `` {foo}`x` ``.\n');
    expect(result.findings.map((finding) => finding.line)).toEqual([8]);
  });

  it('should give a chapter without a # Heading the toc title', () => {
    const result = convertMarkdownChapter('Only text.\n', 'c.md', identity);
    expect(result.titleAdded).toBe('Generative AI');
    expect(result.content.startsWith('---\nid: 4-1-GenAI\ntitle: Generative AI\ndescription: Only text.\n---\n')).toBe(true);
  });

  it('should stop on malformed frontmatter, naming the file and line', () => {
    expect(() => convertMarkdownChapter('---\ntitle: [unclosed\n---\n# T\n', 'content/x.md', identity)).toThrow(/^content\/x\.md:\d+:\d+: invalid YAML in the frontmatter/);
  });
});

describe('chapterDescription', () => {
  it('should cut a long first paragraph at a word within 200 characters', () => {
    const description = chapterDescription(`# T\n\n(label)=\n${'word '.repeat(80)}\n\nSecond.`) as string;
    expect(description.length).toBeLessThanOrEqual(200);
    expect(description.endsWith('word…')).toBe(true);
  });

  it('should skip headings, labels, directives and images', () => {
    expect(chapterDescription('# T\n\n```{note}\nA note.\n```\n\n![x](y.png)\n\nThe **first** _real_ `paragraph`.\nContinues.')).toBe('The first real paragraph. Continues.');
  });
});
