/**
 * A book's citation style: one of the styles citation-js ships (`apa`, `vancouver`), or a `.csl` file
 * of the book (any style of the CSL styles repository, e.g. Chicago author–date or IEEE), read and
 * checked here so that a broken file is an error naming it, before citeproc meets it (citeproc's own
 * errors on a bad style are JavaScript errors such as "target[form].indexOf is not a function").
 */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The citation styles the book ships, by name. */
export const CITATION_STYLES = ['apa', 'vancouver'] as const;
export type BuiltInCitationStyle = (typeof CITATION_STYLES)[number];
/** A built-in style's name, or the absolute path of a `.csl` file. */
export type CitationStyle = BuiltInCitationStyle | `${string}.csl`;

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';

/** Whether `style` names a `.csl` file rather than a built-in style. */
export function isCslFile(style: string): style is `${string}.csl` {
  return style.endsWith('.csl');
}

/** Whether `value` is a built-in style's name. */
export function isBuiltInStyle(value: string): value is BuiltInCitationStyle {
  return (CITATION_STYLES as readonly string[]).includes(value);
}

/** The style's CSL XML: a built-in style from citation-js (`builtIn`), or the `.csl` file's text. */
export function cslStyleXml(style: CitationStyle, builtIn: (name: string) => string | undefined): string {
  if (isCslFile(style)) return readFileSync(style, 'utf8');
  const xml = builtIn(style);
  if (!xml) throw new Error(`citation-js has no CSL style \`${style}\``);
  return xml;
}

/** What is wrong with the `.csl` file at `stylePath` (absolute), or undefined when it can be used. */
export function cslStyleFileProblem(stylePath: string): string | undefined {
  let xml: string;
  try {
    xml = readFileSync(stylePath, 'utf8');
  } catch {
    return 'the file does not exist (the path is relative to the book folder, the one that holds `content/`)';
  }
  return cslStyleProblem(xml);
}

/**
 * What is wrong with a `.csl` file's text for this book, or undefined when it can be used: it must be
 * well-formed XML (the problem then says at which line and column), an independent CSL style (a
 * dependent one only points at its parent), with a `<citation>` layout and a `<bibliography>`, since
 * every chapter lists its references.
 */
export function cslStyleProblem(xml: string): string | undefined {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return `it is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`;
  const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as Record<string, unknown>;
  const style = document.style as Record<string, unknown> | undefined;
  if (!style || typeof style !== 'object') return 'its root element is not `<style>`: a CSL style starts with `<style xmlns="http://purl.org/net/xbiblio/csl" …>`';
  if (style['@xmlns'] !== CSL_NAMESPACE) return `its \`<style>\` element is not in the CSL namespace: add \`xmlns="${CSL_NAMESPACE}"\``;
  const info = style.info as Record<string, unknown> | undefined;
  const links = [info?.link].flat().filter(Boolean) as Record<string, unknown>[];
  const parent = links.find((link) => link['@rel'] === 'independent-parent');
  if (!style.citation) {
    return parent
      ? `it is a dependent style, which only names its parent (${String(parent['@href'])}): use the parent style's .csl file`
      : 'it has no `<citation>` element: the book needs the style\'s citation layout';
  }
  if (!(style.citation as Record<string, unknown>).layout) return 'its `<citation>` has no `<layout>`';
  if (!style.bibliography) return 'it has no `<bibliography>` element: the book lists each chapter\'s references, so the style must say how';
  return undefined;
}
