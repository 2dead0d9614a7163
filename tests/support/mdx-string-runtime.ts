/**
 * A minimal JSX runtime for MDX's output in unit tests: elements become HTML text, components are
 * called with their props. Enough to run a compiled chapter without Astro.
 */
type Props = Record<string, unknown> & { children?: unknown };

export const Fragment = Symbol('Fragment');

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const html = (children: unknown): string =>
  Array.isArray(children) ? children.map(html).join('') : children === undefined || children === null ? '' : typeof children === 'string' ? escape(children) : String(children);

export function jsx(type: unknown, { children, ...props }: Props): unknown {
  if (typeof type === 'function') return type({ children, ...props });
  if (type === Fragment) return { toString: () => html(children) };
  const attributes = Object.entries(props)
    .map(([name, value]) => ` ${name === 'className' ? 'class' : name}="${escape(Array.isArray(value) ? value.join(' ') : String(value))}"`)
    .join('');
  return { toString: () => `<${String(type)}${attributes}>${html(children)}</${String(type)}>` };
}

/** The options `evaluate` of @mdx-js/mdx needs to run with this runtime. */
export const stringRuntime = { Fragment, jsx, jsxs: jsx };
