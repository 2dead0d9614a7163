/**
 * A micromark partial construct shared by the book's block syntaxes (colon fences, bare amsmath
 * environments): a line ending followed by a line that is not a lazy continuation, as micromark's own
 * fenced code uses. A block inside a block quote or list then stops where its container stops.
 */
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

export const nonLazyContinuation: Construct = { partial: true, tokenize: tokenizeNonLazyContinuation };

function tokenizeNonLazyContinuation(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return (code: Code) => {
    if (code === null) return nok(code);
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return (next: Code) => (self.parser.lazy[self.now().line] ? nok(next) : ok(next));
  };
}
