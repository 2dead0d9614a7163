/** mdast-util-from-markdown extension turning `mystRole` tokens into `mystRole` mdast nodes. */
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import type { MystHeadingId, MystRole } from './types.js';

export function mystRoleFromMarkdown(): Extension {
  return {
    enter: {
      mystRole(this: CompileContext, token: Token) {
        const node: MystRole = { type: 'mystRole', name: '', value: '' };
        this.enter(node, token);
      },
      mystHeadingId(this: CompileContext, token: Token) {
        const node: MystHeadingId = { type: 'mystHeadingId', value: '' };
        this.enter(node, token);
      },
    },
    exit: {
      mystRoleName(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as MystRole;
        node.name = this.sliceSerialize(token);
      },
      mystRoleValue(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as MystRole;
        node.value = this.sliceSerialize(token);
      },
      mystRole(this: CompileContext, token: Token) {
        this.exit(token);
      },
      mystHeadingIdValue(this: CompileContext, token: Token) {
        const node = this.stack[this.stack.length - 1] as MystHeadingId;
        node.value = this.sliceSerialize(token);
      },
      mystHeadingId(this: CompileContext, token: Token) {
        this.exit(token);
      },
    },
  };
}
