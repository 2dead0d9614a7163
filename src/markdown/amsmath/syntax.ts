/**
 * micromark syntax extension for amsmath environments written bare in Markdown, as Jupyter Book authors
 * write them (MyST's `amsmath` extension):
 *
 *     \begin{align*}
 *       a &= b \\
 *       c &= d \label{eq-cd}
 *     \end{align*}
 *
 * A block that starts a line with `\begin{env}` (env one of AMSMATH_ENVIRONMENTS) and runs to the line
 * holding `\end{env}` is display math, its source taken verbatim: Markdown would otherwise read `\\` as an
 * escaped backslash, `_` and `*` as emphasis, and a blank line as the end of a paragraph, and MDX would
 * read `{align*}` as a JavaScript expression (this construct is tried before MDX's). An environment that
 * is never closed is not taken: it stays text, which the raw-LaTeX check reports.
 */
import { markdownLineEnding } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { nonLazyContinuation } from '../micromark/non-lazy-continuation.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    mystAmsmath: 'mystAmsmath';
    mystAmsmathValue: 'mystAmsmathValue';
  }
}

/** The amsmath display environments MyST recognises, starred and not. */
export const AMSMATH_ENVIRONMENTS = ['equation', 'multline', 'gather', 'align', 'alignat', 'flalign', 'eqnarray'].flatMap((name) => [name, `${name}*`]);

const BACKSLASH = 92;
const BEGIN = '\\begin{';

const amsmath: Construct = { name: 'mystAmsmath', tokenize: tokenizeAmsmath, concrete: true, add: 'before' };

function tokenizeAmsmath(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let matched = 0;
  let environment = '';
  let line = '';
  // A blank line inside the environment has no value token (micromark tokens are never empty).
  let inValue = true;
  return start;

  function start(code: Code): State | undefined {
    if (code !== BACKSLASH) return nok(code);
    effects.enter('mystAmsmath');
    effects.enter('mystAmsmathValue');
    return begin(code);
  }

  function begin(code: Code): State | undefined {
    if (matched < BEGIN.length) {
      if (code !== BEGIN.charCodeAt(matched)) return nok(code);
      matched++;
      line += String.fromCharCode(code);
      effects.consume(code);
      return begin;
    }
    return name(code);
  }

  function name(code: Code): State | undefined {
    if (code === 125 /* } */) {
      if (!AMSMATH_ENVIRONMENTS.includes(environment)) return nok(code);
      line += '}';
      effects.consume(code);
      return rest;
    }
    if (code === null || environment.length > 12 || !/[a-z*]/.test(String.fromCharCode(code))) return nok(code);
    environment += String.fromCharCode(code);
    line += String.fromCharCode(code);
    effects.consume(code);
    return name;
  }

  /** The rest of a line; at its end, the environment closes if the line holds `\end{env}`. */
  function rest(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) {
      if (inValue) effects.exit('mystAmsmathValue');
      inValue = false;
      if (line.includes(`\\end{${environment}}`)) {
        effects.exit('mystAmsmath');
        return ok(code);
      }
      if (code === null) return nok(code);
      return effects.attempt(nonLazyContinuation, nextLine, nok)(code);
    }
    if (!inValue) effects.enter('mystAmsmathValue');
    inValue = true;
    line += String.fromCharCode(code);
    effects.consume(code);
    return rest;
  }

  function nextLine(code: Code): State | undefined {
    line = '';
    return rest(code);
  }
}

/** The extension: a flow construct on `\`. */
export function amsmathSyntax(): Extension {
  return { flow: { [BACKSLASH]: amsmath } };
}
