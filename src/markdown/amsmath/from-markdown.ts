/** mdast-util-from-markdown extension: an amsmath environment becomes a display `math` node, as `$$…$$` does. */
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import type { Math as MathNode } from 'mdast-util-math';

/**
 * The TeX KaTeX typesets for an environment, numbered by the book rather than by the environment: each
 * equation gets one number, from its `\label` (src/markdown/equations), as in MyST. So the numbered
 * environments become their unnumbered inner forms (`align` → `aligned`, `gather` → `gathered`,
 * `equation` → its content); `multline`, which KaTeX lacks, is set as `gathered` (lines centred).
 */
export function amsmathToKatex(source: string): string {
  const match = /^\\begin\{([a-z]+)\*?\}([\s\S]*)\\end\{\1\*?\}\s*$/.exec(source.trim());
  if (!match) return source;
  const [, environment = '', inner = ''] = match;
  const body = inner.replace(/\\(?:nonumber|notag)\b/g, '');
  switch (environment) {
    case 'equation':
      return body.trim();
    case 'alignat':
      return `\\begin{alignedat}${body.trimEnd()}\n\\end{alignedat}`;
    case 'gather':
    case 'multline':
      return `\\begin{gathered}${body.trimEnd()}\n\\end{gathered}`;
    default:
      return `\\begin{aligned}${body.trimEnd()}\n\\end{aligned}`;
  }
}

export function amsmathFromMarkdown(): Extension {
  return {
    enter: {
      mystAmsmath(this: CompileContext, token: Token) {
        const node: MathNode = { type: 'math', meta: null, value: '' };
        this.enter(node, token);
      },
    },
    exit: {
      mystAmsmath(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as MathNode;
        node.value = amsmathToKatex(this.sliceSerialize(token));
        // As mdast-util-math does for `$$`, so remark-rehype and the KaTeX plugin (typeset-math) treat both alike.
        node.data = {
          hName: 'pre',
          hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: node.value }] }],
        };
        this.exit(token);
      },
    },
  };
}
