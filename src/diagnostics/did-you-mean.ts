/** "Did you mean" suggestions for misspelt ids, keys and labels. */

/**
 * ` (did you mean \`x\`?)` for the candidate closest to `wanted`, or `''` when none is close; `show`
 * writes the candidate as the author would type it (a directive name `x` as `{x}`).
 */
export function didYouMean(wanted: string, candidates: Iterable<string>, show: (candidate: string) => string = (candidate) => candidate): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, wanted.length / 3) ? ` (did you mean \`${show(best)}\`?)` : '';
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** The `count` candidates closest to `wanted`, nearest first. */
export function nearest(wanted: string, candidates: Iterable<string>, count = 3): string[] {
  return [...candidates]
    .map((candidate) => ({ candidate, distance: editDistance(wanted, candidate) }))
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
