/**
 * micromark syntax extension for MyST inline roles: `{name}`value`` and `{name:sub}`value``.
 *
 * Why a syntax extension and not a regex over the source: in `.mdx`, `{cite:p}` would be read as a JS
 * expression and fail to parse, and in `.md` it would split into text + inlineCode. A construct on `{`
 * that is tried *before* MDX's expression construct (`add: 'before'`) takes the role when it matches and
 * gives way otherwise, so `{1 + 1}` remains an MDX expression. Positions stay exact.
 */
import { content } from 'micromark-core-commonmark';
import { asciiAlphanumeric, markdownLineEnding } from 'micromark-util-character';
import type { Code, Construct, Extension, State, TokenizeContext, Effects } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mystRole: 'mystRole';
    mystRoleMarker: 'mystRoleMarker';
    mystRoleName: 'mystRoleName';
    mystRoleValueFence: 'mystRoleValueFence';
    mystRoleValue: 'mystRoleValue';
    mystHeadingId: 'mystHeadingId';
    mystHeadingIdValue: 'mystHeadingIdValue';
  }
}

const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const COLON = 58;
const HASH = 35;
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

/**
 * A line that starts with a role is a paragraph. Without this, MDX's flow expression construct takes
 * the leading `{` and its JS parser throws on `cite:t` before it can give way.
 */
const paragraphStartingWithRole: Construct = {
  name: 'mystRoleParagraph',
  tokenize: tokenizeParagraphStartingWithRole,
  add: 'before',
};

function tokenizeParagraphStartingWithRole(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  // Inside a paragraph, a line that starts with a role continues it: it must not interrupt the paragraph.
  if (this.interrupt) return nok;
  return effects.check(mystRoleConstruct, effects.attempt(content, ok, nok), nok);
}

function tokenizeMystRole(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let nameSize = 0;
  let sawColon = false;
  let openSize = 0;

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
    // Two backticks that nothing closes after the name are an empty role, so that it can be reported as
    // such rather than as broken MDX; closed by two backticks, they fence a value that may hold single
    // backticks, as in inline code.
    return effects.attempt({ tokenize: tokenizeValue, partial: true }, end, openSize === 2 ? end : nok)(code);
  }

  function end(code: Code): State | undefined {
    effects.exit('mystRole');
    return ok(code);
  }

  function tokenizeValue(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    return start;

    function start(code: Code): State | undefined {
      if (code === null || markdownLineEnding(code)) return nok(code);
      effects.enter('mystRoleValue');
      return value(code);
    }

    function value(code: Code): State | undefined {
      // Roles are single-line, like inline code in MyST: a line ending before the closing fence is no role.
      if (code === null || markdownLineEnding(code)) return nok(code);
      if (code === BACKTICK) return effects.attempt({ tokenize: tokenizeCloseFence, partial: true }, ok, backtickRun)(code);
      effects.consume(code);
      return value;
    }

    // A backtick run of another length than the opening fence is part of the value.
    function backtickRun(code: Code): State | undefined {
      if (code !== BACKTICK) return value(code);
      effects.consume(code);
      return backtickRun;
    }
  }

  function tokenizeCloseFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let closeSize = 0;
    return start;

    function start(code: Code): State | undefined {
      effects.exit('mystRoleValue');
      effects.enter('mystRoleValueFence');
      return run(code);
    }

    function run(code: Code): State | undefined {
      if (code === BACKTICK) {
        closeSize++;
        effects.consume(code);
        return run;
      }
      if (closeSize !== openSize) return nok(code);
      effects.exit('mystRoleValueFence');
      return ok(code);
    }
  }
}

/**
 * `{#some-id}`: an explicit id, written at the end of a heading (`## Title {#some-id}`) so that renaming
 * the heading keeps its URL fragment. MDX would read it as a (broken) JS expression.
 */
const headingIdConstruct: Construct = {
  name: 'mystHeadingId',
  tokenize: tokenizeHeadingId,
  add: 'before',
};

function tokenizeHeadingId(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  return start;

  function start(code: Code): State | undefined {
    if (code !== LEFT_BRACE) return nok(code);
    effects.enter('mystHeadingId');
    effects.consume(code);
    return hash;
  }

  function hash(code: Code): State | undefined {
    if (code !== HASH) return nok(code);
    effects.consume(code);
    effects.enter('mystHeadingIdValue');
    return value;
  }

  function value(code: Code): State | undefined {
    if (isNameCode(code) || (code === COLON && size > 0)) {
      size++;
      effects.consume(code);
      return value;
    }
    if (code === RIGHT_BRACE && size > 0) {
      effects.exit('mystHeadingIdValue');
      effects.enter('mystRoleMarker');
      effects.consume(code);
      effects.exit('mystRoleMarker');
      effects.exit('mystHeadingId');
      return ok;
    }
    return nok(code);
  }
}

/** The micromark extension: text constructs on `{` (roles, heading ids), and a flow one for paragraphs that start with a role. */
export function mystRoleSyntax(): Extension {
  return { text: { [LEFT_BRACE]: [mystRoleConstruct, headingIdConstruct] }, flow: { [LEFT_BRACE]: paragraphStartingWithRole } };
}
