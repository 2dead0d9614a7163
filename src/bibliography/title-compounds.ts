/**
 * Hyphenated compounds in a .bib title, prepared for sentence case. citation-js lowercases a title's
 * capitalised words but keeps any word with a capital inside it, so "Few-Shot" or "Chain-of-Thought"
 * would stay capitalised in mid-sentence ("Language models are Few-Shot learners"). Lowercasing the
 * later parts of such compounds first ("Few-shot") lets the converter treat them as ordinary words.
 * Only the `title` field, only outside braces: `{Few-Shot}` stays as written, like any braced word.
 */

/** A compound of capitalised parts: Few-Shot, Chain-of-Thought, Single-Turn. */
const COMPOUND = /\b([A-Z][a-z]+)((?:-(?:[A-Z][a-z]+|[a-z]+))*-[A-Z][a-z]+)\b/g;

/** The entry's text with the hyphenated compounds of its `title` field prepared for sentence case. */
export function prepareTitleCompounds(entryText: string): string {
  const field = /(^|[\s,])title\s*=\s*\{/i.exec(entryText);
  if (!field) return entryText;
  const start = field.index + field[0].length;
  let depth = 1;
  let end = start;
  // Rewrite only the runs of text directly inside the field's own braces.
  const pieces: string[] = [];
  let run = '';
  for (; end < entryText.length && depth > 0; end++) {
    const char = entryText[end] as string;
    if (char === '{' || char === '}') {
      if (depth === 1) pieces.push(run.replace(COMPOUND, (_, head: string, rest: string) => head + rest.toLowerCase()));
      else pieces.push(run);
      run = '';
      depth += char === '{' ? 1 : -1;
      if (depth > 0) pieces.push(char);
      continue;
    }
    run += char;
  }
  if (depth !== 0) return entryText; // unbalanced: the parser reports it
  return entryText.slice(0, start) + pieces.join('') + '}' + entryText.slice(end);
}
