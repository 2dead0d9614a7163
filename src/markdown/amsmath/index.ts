/**
 * remark plugin: amsmath environments written bare in a chapter (`\begin{align*} … \end{align*}`,
 * `equation`, `gather`, `multline`, `alignat`, `flalign`, `eqnarray`, starred or not) are display math,
 * numbered by their `\label` like `$$…$$` (see syntax.ts and from-markdown.ts).
 */
import type { Processor } from 'unified';
import { amsmathFromMarkdown } from './from-markdown.js';
import { amsmathSyntax } from './syntax.js';

export { AMSMATH_ENVIRONMENTS } from './syntax.js';
export { amsmathFromMarkdown, amsmathToKatex } from './from-markdown.js';
export { amsmathSyntax } from './syntax.js';

/** Register the syntax; the nodes it makes are ordinary `math` nodes. */
export default function remarkAmsmath(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(amsmathSyntax());
  (data.fromMarkdownExtensions ??= []).push(amsmathFromMarkdown());
}
