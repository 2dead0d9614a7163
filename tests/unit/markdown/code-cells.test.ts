/** MyST text notebooks: `{code-cell}` blocks are highlighted code, with the cell tags honoured, not unknown directives. */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkCodeCells from '../../../src/markdown/code-cells/index.js';
import remarkDirectivesCheck from '../../../src/markdown/directives-check/index.js';

function render(source: string) {
  const file = new VFile(source);
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkCodeCells).use(remarkDirectivesCheck);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { html: unified().use(rehypeStringify).stringify(unified().use(remarkRehype).runSync(tree, file)), file };
}

describe('code cells of MyST text notebooks', () => {
  it('should show a cell as code in its language (ipython3 is Python), with no directive error', () => {
    const { html, file } = render('```{code-cell} ipython3\nx = 1\n```\n');
    expect(html).toBe('<div class="nb-cell nb-cell-code"><pre><code class="language-python">x = 1\n</code></pre></div>');
    expect(file.messages).toEqual([]);
  });

  it('should take the language from the kernelspec of the frontmatter when the cell names none', () => {
    const { html } = render('---\nkernelspec:\n  language: R\n---\n\n```{code-cell}\nx <- 1\n```\n');
    expect(html).toContain('<code class="language-r">x &#x3C;- 1\n</code>');
  });

  it('should collapse a hide-input cell behind "Show code", options as :tags: or a YAML block', () => {
    const expected = '<div class="nb-cell nb-cell-code"><details class="nb-toggle nb-toggle-input"><summary>Show code</summary><pre><code class="language-python">y = 2\n</code></pre></details></div>';
    expect(render('```{code-cell} python\n:tags: [hide-input]\ny = 2\n```\n').html).toBe(expected);
    expect(render('```{code-cell} python\n---\ntags: [hide-input]\n---\ny = 2\n```\n').html).toBe(expected);
    expect(render('```{code-cell} python\n:tags: [hide-cell]\ny = 2\n```\n').html).toContain('<summary>Show code cell</summary>');
  });

  it('should leave out remove-cell and remove-input cells', () => {
    expect(render('Before.\n\n```{code-cell} python\n:tags: [remove-cell]\nsecret = 1\n```\n').html).toBe('<p>Before.</p>');
    expect(render('```{code-cell} python\n:tags: [remove-input]\nsecret = 1\n```\n').html).toBe('');
  });

  it('should read tags written with underscores, as the first Jupyter Book wrote them', () => {
    expect(render('Before.\n\n```{code-cell} python\n:tags: [remove_cell]\nsecret = 1\n```\n').html).toBe('<p>Before.</p>');
    expect(render('```{code-cell} python\n:tags: [hide_input]\ny = 2\n```\n').html).toContain('<summary>Show code</summary>');
  });

  it('should report options that are not valid YAML at the cell', () => {
    const { file } = render('Text.\n\n```{code-cell} python\n:tags: [hide-input\nz = 3\n```\n');
    expect(file.messages.map((message) => [message.line, message.reason])).toEqual([[3, expect.stringMatching(/^Invalid options of a `\{code-cell\}`/)]]);
  });
});
