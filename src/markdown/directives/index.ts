/**
 * remark plugin: register the colon-fence syntax (`:::{note}` … `:::`, see colon-fence.ts), so that both
 * fences of MyST directives reach the tree as `code` nodes with `lang: '{name}'`. List it before the
 * directive plugins (callouts, figures, bibliography), which read each directive with readDirective().
 */
import type { Processor } from 'unified';
import { colonFenceSyntax } from './colon-fence.js';

export { colonFenceSyntax } from './colon-fence.js';
export { type Directive, type DirectiveOption, directiveName, optionPlace, readDirective } from './parse-directive.js';
export { footnoteLabels, parseDirectiveBody, parseDirectiveInline } from './parse-body.js';

export default function remarkDirectives(this: Processor) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(colonFenceSyntax());
}
