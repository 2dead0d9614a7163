/** MyST admonitions become callouts whose body is real Markdown (roles and math included). */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkCallouts from '../../../src/markdown/callouts/index.js';
import remarkDirectivesCheck from '../../../src/markdown/directives-check/index.js';
import remarkMystRoles from '../../../src/markdown/myst-roles/index.js';

function render(source: string) {
  const file = new VFile(source);
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkCallouts).use(remarkDirectivesCheck).use(remarkMystRoles);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { html: unified().use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file)), file, tree };
}

describe('callouts', () => {
  it('should render a titled admonition with Markdown in its body', () => {
    const { html } = render('```{warning} Mind the base rates\nUse **both** rates: $p$ and {doc}`1-2-measure`.\n```\n');
    expect(html).toMatch(/<div class="callout callout-warning" role="note">\s*<p class="callout-title">Mind the base rates<\/p>\s*<p>Use <strong>both<\/strong> rates: <code class="language-math math-inline">p<\/code> and/);
  });

  it('should give an untitled admonition its default title, and read its options', () => {
    const { html } = render('```{seealso}\n:name: more\nMore.\n```\n');
    expect(html).toMatch(/<div class="callout callout-seealso" id="more" role="note"><p class="callout-title">See also<\/p>\s*<p>More\.<\/p>/);
  });

  it('should type roles in the body, at their line in the chapter', () => {
    const { tree } = render('Intro.\n\n```{note}\nSee {cite:p}`key`.\n```\n');
    const callout = tree.children[1] as { children: { children?: { type: string; position?: { start: { line: number } } }[] }[] };
    const cite = callout.children[1]?.children?.find((node) => node.type === 'cite');
    expect(cite?.position?.start.line).toBe(4);
  });

  it('should report an unknown directive with a suggestion', () => {
    const { file } = render('```{tipp}\nBody\n```\n');
    expect(file.messages).toHaveLength(1);
    expect(file.messages[0]).toMatchObject({ line: 1, column: 1, ruleId: 'directive-known', fatal: true });
    expect(file.messages[0]?.reason).toContain('Unknown directive `{tipp}` (did you mean `{tip}`?)');
  });
});
