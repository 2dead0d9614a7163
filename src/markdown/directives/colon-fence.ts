/**
 * micromark syntax extension for MyST's colon fences (Jupyter Book's `colon_fence` extension):
 *
 *     :::{note} Optional title
 *     Body, in Markdown.
 *     :::
 *
 * The fence is read exactly like a backtick code fence — three or more colons, the closing fence at least
 * as long as the opening one, so a `::::` fence can hold a `:::` one — and it emits the same tokens as
 * micromark's `codeFenced`, so mdast-util-from-markdown turns it into the same `code` node
 * (`lang: '{note}'`, `meta: 'Optional title'`) and every directive plugin reads both forms alike.
 * Only `:::{name}` opens a fence: a line of colons without `{` stays text. In `.mdx` the construct is tried
 * before MDX's own (`add: 'before'`), so `{note}` is not taken for a JavaScript expression.
 */
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { nonLazyContinuation } from '../micromark/non-lazy-continuation.js';

const COLON = 58;
const LEFT_BRACE = 123;

const colonFence: Construct = { name: 'mystColonFence', tokenize: tokenizeColonFence, concrete: true, add: 'before' };

/** Consume spaces and tabs as one token of `type`, at most `max` of them, then go on with `next`. */
function spaces(effects: Effects, next: State, type: 'whitespace' | 'linePrefix', max = Infinity): State {
  let size = 0;
  const run = (code: Code): State | undefined => {
    if (markdownSpace(code) && size < max) {
      if (size === 0) effects.enter(type);
      size++;
      effects.consume(code);
      return run;
    }
    if (size > 0) effects.exit(type);
    return next(code);
  };
  return run;
}

function tokenizeColonFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const closeStart: Construct = { partial: true, tokenize: tokenizeCloseStart };
  let initialPrefix = 0;
  let sizeOpen = 0;
  return start;

  function start(code: Code): State | undefined {
    if (code !== COLON) return nok(code);
    const tail = self.events[self.events.length - 1];
    initialPrefix = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
    effects.enter('codeFenced');
    effects.enter('codeFencedFence');
    effects.enter('codeFencedFenceSequence');
    return sequenceOpen(code);
  }

  function sequenceOpen(code: Code): State | undefined {
    if (code === COLON) {
      sizeOpen++;
      effects.consume(code);
      return sequenceOpen;
    }
    // MyST's colon fences always name a directive: `:::{name}`.
    if (sizeOpen < 3 || code !== LEFT_BRACE) return nok(code);
    effects.exit('codeFencedFenceSequence');
    effects.enter('codeFencedFenceInfo');
    effects.enter('chunkString', { contentType: 'string' });
    return info(code);
  }

  function info(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('chunkString');
      effects.exit('codeFencedFenceInfo');
      return infoAfter(code);
    }
    if (markdownSpace(code)) {
      effects.exit('chunkString');
      effects.exit('codeFencedFenceInfo');
      return spaces(effects, metaBefore, 'whitespace')(code);
    }
    effects.consume(code);
    return info;
  }

  function metaBefore(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return infoAfter(code);
    effects.enter('codeFencedFenceMeta');
    effects.enter('chunkString', { contentType: 'string' });
    return meta(code);
  }

  function meta(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('chunkString');
      effects.exit('codeFencedFenceMeta');
      return infoAfter(code);
    }
    effects.consume(code);
    return meta;
  }

  function infoAfter(code: Code): State | undefined {
    effects.exit('codeFencedFence');
    return self.interrupt ? ok(code) : effects.check(nonLazyContinuation, atNonLazyBreak, after)(code);
  }

  function atNonLazyBreak(code: Code): State | undefined {
    return effects.attempt(closeStart, after, contentBefore)(code);
  }

  function contentBefore(code: Code): State | undefined {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return contentStart;
  }

  function contentStart(code: Code): State | undefined {
    return initialPrefix > 0 && markdownSpace(code) ? spaces(effects, beforeContentChunk, 'linePrefix', initialPrefix)(code) : beforeContentChunk(code);
  }

  function beforeContentChunk(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) return effects.check(nonLazyContinuation, atNonLazyBreak, after)(code);
    effects.enter('codeFlowValue');
    return contentChunk(code);
  }

  function contentChunk(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('codeFlowValue');
      return beforeContentChunk(code);
    }
    effects.consume(code);
    return contentChunk;
  }

  function after(code: Code): State | undefined {
    effects.exit('codeFenced');
    return ok(code);
  }

  function tokenizeCloseStart(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let size = 0;
    return (code: Code) => {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return closeLine;
    };

    function closeLine(code: Code): State | undefined {
      effects.enter('codeFencedFence');
      return markdownSpace(code) ? spaces(effects, beforeSequenceClose, 'linePrefix', 3)(code) : beforeSequenceClose(code);
    }

    function beforeSequenceClose(code: Code): State | undefined {
      if (code !== COLON) return nok(code);
      effects.enter('codeFencedFenceSequence');
      return sequenceClose(code);
    }

    function sequenceClose(code: Code): State | undefined {
      if (code === COLON) {
        size++;
        effects.consume(code);
        return sequenceClose;
      }
      if (size < sizeOpen) return nok(code);
      effects.exit('codeFencedFenceSequence');
      return markdownSpace(code) ? spaces(effects, sequenceCloseAfter, 'whitespace')(code) : sequenceCloseAfter(code);
    }

    function sequenceCloseAfter(code: Code): State | undefined {
      if (code === null || markdownLineEnding(code)) {
        effects.exit('codeFencedFence');
        return ok(code);
      }
      return nok(code);
    }
  }
}

/** The extension: a flow construct on `:`. */
export function colonFenceSyntax(): Extension {
  return { flow: { [COLON]: colonFence } };
}
