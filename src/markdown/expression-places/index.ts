/**
 * remark plugin, MDX chapters: each JavaScript expression of the chapter (`{…}` in the text, or an
 * attribute's `{…}` value) is wrapped so that an error it throws names its place in the chapter.
 *
 * Why: an expression runs when the page renders, long after the content check. The error it throws
 * names only the compiled module (`s-1-math_CT9QGqsx.mjs:524:11`), and in dev the page had already
 * been sent as a 200, cut where the expression stood. Wrapped, the error carries `bookProblem`
 * (`content/p/x.mdx:12:9`); the chapter page (src/components/ChapterContent.astro) turns it into a
 * positioned problem: listed in dev's banner and in the page, and failing a build with the others.
 *
 * `{EXPR}` becomes `(() => { try { return (EXPR); } catch (cause) { const error = Object.assign(new
 * Error(…, { cause }), { bookProblem: "file:line:col" }); if (noted(error)) return undefined; throw error;
 * } })()`: an arrow function keeps `this` and the names the expression uses (`props`, imports), and the
 * value is returned unchanged. `noted(error)` pushes the error on the list the chapter page hands the
 * chapter as its prop `bookExpressionErrors` (src/pages/[slug].astro): the expression then renders as
 * nothing and the render goes on, so that every expression that throws is reported, not only the
 * first (src/components/ChapterContent.astro). Without that list the error is thrown.
 */
import path from 'node:path';
import type { Root } from 'mdast';
import type { Expression, Program, Statement } from 'estree';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

export interface ExpressionPlacesOptions {
  /** The book root: places name files relative to it, as the content check does (default: the working directory). */
  root?: string;
}

/** The property of a wrapped error that names the expression's place, `file:line:col`. */
export const BOOK_PROBLEM_PROPERTY = 'bookProblem';

/** The chapter's prop that carries the list of its expressions' errors (see above). */
export const EXPRESSION_ERRORS_PROP = 'bookExpressionErrors';

interface EstreeCarrier {
  data?: { estree?: Program | null };
  position?: { start: { line: number; column: number } };
}

export default function remarkExpressionPlaces(options: ExpressionPlacesOptions = {}) {
  return (tree: Root, file: VFile) => {
    if (!file.path?.endsWith('.mdx')) return;
    const displayPath = path.relative(options.root ?? process.cwd(), path.resolve(file.cwd, file.path)).split(path.sep).join('/');
    const wrap = (carrier: EstreeCarrier, start: { line: number; column: number } | undefined) => {
      const program = carrier.data?.estree;
      const statement = program?.body[0];
      // `{/* a comment */}` has no statement; anything else is one expression statement.
      if (!program || !start || program.body.length !== 1 || statement?.type !== 'ExpressionStatement') return;
      // A literal cannot throw, and must stay one: Astro writes `<script>{`…`}</script>` as the literal's text.
      if (cannotThrow(statement.expression)) return;
      statement.expression = guarded(statement.expression, `${displayPath}:${start.line}:${start.column}`);
    };
    visit(tree, (node) => {
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') wrap(node as EstreeCarrier, node.position?.start);
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of node.attributes) {
          if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'object' || !attribute.value) continue;
          // An attribute's value has no position of its own; its program's is the expression's (0-based columns).
          const start = (attribute.value as EstreeCarrier).data?.estree?.loc?.start;
          wrap(attribute.value as EstreeCarrier, start ? { line: start.line, column: start.column + 1 } : node.position?.start);
        }
      }
    });
  };
}

const identifier = (name: string) => ({ type: 'Identifier', name }) as const;
const member = (object: string, property: string): Expression => ({ type: 'MemberExpression', object: identifier(object), property: identifier(property), computed: false, optional: false });

function cannotThrow(expression: Expression): boolean {
  return expression.type === 'Literal' || (expression.type === 'TemplateLiteral' && expression.expressions.length === 0);
}

/** `expression` inside the try/catch that labels its error with `place`. */
function guarded(expression: Expression, place: string): Expression {
  const labelled: Expression = {
    type: 'CallExpression',
    optional: false,
    callee: member('Object', 'assign'),
    arguments: [
      {
        type: 'NewExpression',
        callee: identifier('Error'),
        arguments: [
          { type: 'Literal', value: `An expression at ${place} threw` },
          { type: 'ObjectExpression', properties: [{ type: 'Property', key: identifier('cause'), value: identifier('cause'), kind: 'init', method: false, shorthand: true, computed: false }] },
        ],
      },
      {
        type: 'ObjectExpression',
        properties: [{ type: 'Property', key: identifier(BOOK_PROBLEM_PROPERTY), value: { type: 'Literal', value: place }, kind: 'init', method: false, shorthand: false, computed: false }],
      },
    ],
  };
  return {
    type: 'CallExpression',
    optional: false,
    arguments: [],
    callee: {
      type: 'ArrowFunctionExpression',
      expression: false,
      async: false,
      generator: false,
      params: [],
      body: {
        type: 'BlockStatement',
        body: [
          {
            type: 'TryStatement',
            block: { type: 'BlockStatement', body: [{ type: 'ReturnStatement', argument: expression }] },
            handler: { type: 'CatchClause', param: identifier('cause'), body: { type: 'BlockStatement', body: noteOrThrow(labelled) } },
            finalizer: null,
          },
        ],
      },
    },
  };
}

/**
 * `const error = LABELLED; const noted = typeof props === 'object' && props !== null ?
 * props.bookExpressionErrors : undefined; if (Array.isArray(noted)) { noted.push(error); return undefined; }
 * throw error;` (`props`: the chapter's, in whose function MDX compiles every expression of the text).
 */
function noteOrThrow(labelled: Expression): Statement[] {
  const declare = (name: string, init: Expression): Statement => ({
    type: 'VariableDeclaration',
    kind: 'const',
    declarations: [{ type: 'VariableDeclarator', id: identifier(name), init }],
  });
  const propsIsObject: Expression = {
    type: 'LogicalExpression',
    operator: '&&',
    left: { type: 'BinaryExpression', operator: '===', left: { type: 'UnaryExpression', operator: 'typeof', prefix: true, argument: identifier('props') }, right: { type: 'Literal', value: 'object' } },
    right: { type: 'BinaryExpression', operator: '!==', left: identifier('props'), right: { type: 'Literal', value: null } },
  };
  return [
    declare('error', labelled),
    declare('noted', { type: 'ConditionalExpression', test: propsIsObject, consequent: member('props', EXPRESSION_ERRORS_PROP), alternate: identifier('undefined') }),
    {
      type: 'IfStatement',
      test: { type: 'CallExpression', optional: false, callee: member('Array', 'isArray'), arguments: [identifier('noted')] },
      consequent: {
        type: 'BlockStatement',
        body: [
          { type: 'ExpressionStatement', expression: { type: 'CallExpression', optional: false, callee: member('noted', 'push'), arguments: [identifier('error')] } },
          { type: 'ReturnStatement', argument: identifier('undefined') },
        ],
      },
      alternate: null,
    },
    { type: 'ThrowStatement', argument: identifier('error') },
  ];
}
