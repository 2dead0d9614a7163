/**
 * Numbers as authors and readers write them in numeric self-check questions.
 *
 * Authors write `:answer:` and `:tolerance:` as plain decimals (`0.052`, `-3`, `1e-4`), so the source
 * says exactly what is accepted. Readers may also write a leading dot (`.052`), a percentage (`5.2%`,
 * read as 0.052), a fraction (`13/250`) or a Unicode minus (`−0.3`). A comma is refused rather than
 * guessed: `0,052` is a decimal comma in much of Europe and a thousands separator in English.
 */

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A plain decimal number as an author writes it, or undefined. */
export function parsePlainNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (!PLAIN.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** A reader's answer: a plain number, a percentage or a fraction; undefined when it is none of these. */
export function parseReaderNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\u2212/g, '-').replace(/\s+/g, '');
  if (trimmed.endsWith('%')) {
    const value = parsePlainNumber(trimmed.slice(0, -1));
    return value === undefined ? undefined : value / 100;
  }
  const fraction = /^([^/]+)\/([^/]+)$/.exec(trimmed);
  if (fraction) {
    const numerator = parsePlainNumber(fraction[1] as string);
    const denominator = parsePlainNumber(fraction[2] as string);
    if (numerator === undefined || denominator === undefined || denominator === 0) return undefined;
    return numerator / denominator;
  }
  return parsePlainNumber(trimmed);
}
