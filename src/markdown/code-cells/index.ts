/**
 * remark plugin for the code cells of MyST text notebooks (`.md` files that jupytext pairs with a
 * notebook):
 *
 *     ```{code-cell} ipython3
 *     :tags: [hide-input]
 *     df.describe()
 *     ```
 *
 * A text notebook stores no outputs, so a cell is shown as its code, highlighted in the cell's
 * language (`ipython3` is Python; without one, the `kernelspec.language` of the frontmatter). Tags as
 * for `.ipynb` chapters (src/notebooks/notebook-to-myst.ts): `remove-cell` and `remove-input` leave the
 * cell out; `hide-input` and `hide-cell` collapse it behind "Show code" / "Show code cell".
 */
import type { Code, Paragraph, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { RuleId } from '../../diagnostics/rule-ids.js';
import { cellTagName, kernelLanguage, TOGGLE_LABELS } from '../../notebooks/notebook-to-myst.js';

/** A code cell: `<div class="nb-cell nb-cell-code">`, holding its code or its collapsed code. */
export interface CodeCellNode extends Parent {
  type: 'codeCell';
  data: { hName: 'div'; hProperties: { className: string[] } };
  children: (Code | CodeCellToggleNode)[];
}

/** A collapsed part of a cell: `<details class="nb-toggle">` with its `<summary>`. */
export interface CodeCellToggleNode extends Parent {
  type: 'codeCellToggle';
  data: { hName: 'details'; hProperties: { className: string[] } };
  children: (Paragraph | Code)[];
}

declare module 'mdast' {
  interface RootContentMap {
    codeCell: CodeCellNode;
    codeCellToggle: CodeCellToggleNode;
  }
  interface BlockContentMap {
    codeCell: CodeCellNode;
  }
}

export default function remarkCodeCells() {
  return (tree: Root, file: VFile) => transformCodeCells(tree, file);
}

/** Replace each `{code-cell}` block by its code (or nothing, or a collapsed `<details>`). */
export function transformCodeCells(tree: Root, file: VFile): void {
  const fallback = frontmatterLanguage(tree, file);
  visit(tree, 'code', (node: Code, index, parent) => {
    if (!parent || index === undefined || node.lang !== '{code-cell}') return undefined;
    const { options, body } = splitOptions(node.value);
    let tags: string[] = [];
    try {
      const parsed: unknown = options ? parseYaml(options) : {};
      const value = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).tags : undefined;
      if (Array.isArray(value)) tags = value.map((tag) => cellTagName(String(tag)));
    } catch (error) {
      file.message(`Invalid options of a \`{code-cell}\`: ${(error as Error).message.split('\n')[0]}; write them as \`:tags: [hide-input]\``, {
        place: node.position,
        ruleId: RuleId.directiveKnown,
        source: 'code-cells',
      }).fatal = true;
    }
    if (tags.includes('remove-cell') || tags.includes('remove-input') || body.trim() === '') {
      parent.children.splice(index, 1);
      return index;
    }
    const language = kernelLanguage({ kernelspec: { language: node.meta?.trim().split(/\s+/)[0] } }) ?? fallback;
    const code: Code = { type: 'code', lang: language ?? null, meta: null, value: body, position: node.position };
    const hidden = tags.includes('hide-cell') ? 'cell' : tags.includes('hide-input') ? 'input' : undefined;
    // Node types of their own (rendered through `data.hName`), so no other plugin takes them for
    // block quotes or paragraphs.
    const content: Code | CodeCellToggleNode = hidden
      ? {
          type: 'codeCellToggle',
          data: { hName: 'details', hProperties: { className: ['nb-toggle', `nb-toggle-${hidden}`] } },
          children: [{ type: 'paragraph', data: { hName: 'summary' }, children: [{ type: 'text', value: TOGGLE_LABELS[hidden] }] }, code],
        }
      : code;
    const cell: CodeCellNode = { type: 'codeCell', data: { hName: 'div', hProperties: { className: ['nb-cell', 'nb-cell-code'] } }, children: [content] };
    parent.children[index] = cell;
    return 'skip';
  });
}

/** MyST options: `:key: value` lines, or a `---` YAML block, at the top of the cell. */
function splitOptions(value: string): { options: string; body: string } {
  const lines = value.split('\n');
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) return { options: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n') };
  }
  let count = 0;
  while (/^:[\w-]+:/.test(lines[count] ?? '')) count++;
  const options = lines.slice(0, count).map((line) => line.replace(/^:([\w-]+):\s*/, '$1: ')).join('\n');
  return { options, body: lines.slice(count).join('\n') };
}

/** The kernel's language from the chapter's frontmatter (`kernelspec: {language: python}`). */
function frontmatterLanguage(tree: Root, file: VFile): string | undefined {
  // Astro passes the frontmatter as data; the content check parses it as a `yaml` node.
  const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  let frontmatter: unknown = astro?.frontmatter;
  const yamlNode = tree.children.find((child) => child.type === 'yaml');
  if (!frontmatter && yamlNode && 'value' in yamlNode) {
    try {
      frontmatter = parseYaml(yamlNode.value);
    } catch {
      return undefined;
    }
  }
  return typeof frontmatter === 'object' && frontmatter !== null ? kernelLanguage(frontmatter as Record<string, unknown>) : undefined;
}
