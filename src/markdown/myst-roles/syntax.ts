/**
 * micromark syntax extension for MyST inline roles: `{name}`value`` and `{name:sub}`value``.
 *
 * Why a syntax extension and not a regex over the source: in `.mdx`, `{cite:p}` would be read as a JS
 * expression and fail to parse, and in `.md` it would split into text + inlineCode. A construct on `{`
 * that is tried *before* MDX's expression construct (`add: 'before'`) takes the role when it matches and
 * gives way otherwise, so `{1 + 1}` remains an MDX expression. Positions stay exact.
 */
import { asciiAlphanumeric, markdownLineEnding } from 'micromark-util-character';
import type { Code, Construct, Extension, State, TokenizeContext, Effects } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mystRole: 'mystRole';
    mystRoleMarker: 'mystRoleMarker';
    mystRoleName: 'mystRoleName';
    mystRoleValueFence: 'mystRoleValueFence';
    mystRoleValue: 'mystRoleValue';
  }
}

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const COLON = 58;
const DASH = 45;
const UNDERSCORE = 95;
const BACKTICK = 96;

function isNameCode(code: Code): boolean {
  return code !== null && (asciiAlphanumeric(code) || code === DASH || code === UNDERSCORE);
}

const mystRoleConstruct: Construct = {
  name: 'mystRole',
  tokenize: tokenizeMystRole,
  add: 'before',
};

function tokenizeMystRole(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let nameSize = 0;
  let sawColon = false;
  let openSize = 0;
  let closeSize = 0;

  return start;

  function start(code: Code): State | undefined {
    if (code !== LEFT_BRACE) return nok(code);
    effects.enter('mystRole');
    effects.enter('mystRoleMarker');
    effects.consume(code);
    effects.exit('mystRoleMarker');
    effects.enter('mystRoleName');
    return name;
  }

  function name(code: Code): State | undefined {
    if (isNameCode(code)) {
      nameSize++;
      effects.consume(code);
      return name;
    }
    // One `:` separates a role from its variant (`cite:p`); it may not start or end the name.
    if (code === COLON && nameSize > 0 && !sawColon) {
      sawColon = true;
      effects.consume(code);
      return afterColon;
    }
    if (code === RIGHT_BRACE && nameSize > 0) {
      effects.exit('mystRoleName');
      effects.enter('mystRoleMarker');
      effects.consume(code);
      effects.exit('mystRoleMarker');
      return valueOpen;
    }
    return nok(code);
  }

  function afterColon(code: Code): State | undefined {
    if (!isNameCode(code)) return nok(code);
    return name(code);
  }

  function valueOpen(code: Code): State | undefined {
    if (code !== BACKTICK) return nok(code);
    effects.enter('mystRoleValueFence');
    return openFence(code);
  }

  function openFence(code: Code): State | undefined {
    if (code === BACKTICK) {
      openSize++;
      effects.consume(code);
      return openFence;
    }
    effects.exit('mystRoleValueFence');
    if (code === null || markdownLineEnding(code)) return nok(code);
    effects.enter('mystRoleValue');
    return value(code);
  }

  function value(code: Code): State | undefined {
    // Roles are single-line, like inline code in MyST: a line ending before the closing fence is no role.
    if (code === null || markdownLineEnding(code)) return nok(code);
    if (code === BACKTICK) {
      effects.exit('mystRoleValue');
      effects.enter('mystRoleValueFence');
      closeSize = 0;
      return closeFence(code);
    }
    effects.consume(code);
    return value;
  }

  function closeFence(code: Code): State | undefined {
    if (code === BACKTICK) {
      closeSize++;
      effects.consume(code);
      return closeFence;
    }
    if (closeSize === openSize) {
      effects.exit('mystRoleValueFence');
      effects.exit('mystRole');
      return ok(code);
    }
    // A backtick run of another length is part of the value.
    return nok(code);
  }
}

/** The micromark extension: a text construct on `{`. */
export function mystRoleSyntax(): Extension {
  return { text: { [LEFT_BRACE]: mystRoleConstruct } };
}
