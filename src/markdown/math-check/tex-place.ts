/**
 * Where a character of a formula's TeX stands in the chapter's source. A math node's `value` is its TeX
 * without the delimiters (`$`, `$$` on their own lines, `\begin{…}` kept for bare environments) and,
 * inside a block quote or a list, without each line's prefix (`> `, indentation): so the TeX is found
 * line by line within the node's span of the source, not by adding one offset to the node's start.
 */
import type { Node } from 'unist';
import { location } from 'vfile-location';
import type { VFile } from 'vfile';

export interface SourcePoint {
  line: number;
  column: number;
  offset: number;
}

/**
 * The source point of character `texOffset` of `node.value`, or undefined when the TeX cannot be found
 * verbatim in the node's source (the caller then keeps the node's own position).
 */
export function texOffsetToPoint(file: VFile, node: Node & { value: string }, texOffset: number): SourcePoint | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined || texOffset < 0 || texOffset > node.value.length) return undefined;
  const source = String(file.value);
  const lines = node.value.split('\n');
  let searchFrom = start;
  let lineStartInTex = 0;
  for (const line of lines) {
    const found = source.indexOf(line, searchFrom);
    if (found < 0 || found + line.length > end) return undefined;
    const lineEndInTex = lineStartInTex + line.length;
    if (texOffset <= lineEndInTex) {
      const point = location(file).toPoint(found + texOffset - lineStartInTex);
      if (point?.line === undefined || point.column === undefined || point.offset === undefined) return undefined;
      return { line: point.line, column: point.column, offset: point.offset };
    }
    searchFrom = found + line.length;
    lineStartInTex = lineEndInTex + 1; // the newline
  }
  return undefined;
}
