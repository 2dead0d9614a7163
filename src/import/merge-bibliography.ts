/**
 * The book's .bib files (`bibtex_bibfiles` of `_config.yml`), merged into the one bibliography this
 * site reads (`bib/references.bib`), in the order given. An entry whose key was already seen is left
 * out (the site's bibliography needs unique keys) and listed with its file and line.
 */

export interface BibSource {
  /** As the author knows it (relative to the book folder). */
  displayPath: string;
  text: string;
}

export interface MergedBibliography {
  text: string;
  /** Every key kept, in order. */
  keys: string[];
  /** Entries left out because their key came earlier. */
  duplicates: { key: string; file: string; line: number; keptFrom: string }[];
}

const ENTRY_START = /^\s*@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]*)\s*,?/;
const NOT_ENTRIES = new Set(['comment', 'string', 'preamble']);

/** Merge the sources; each chunk starting at an `@type{` line is one entry. */
export function mergeBibliographies(sources: readonly BibSource[]): MergedBibliography {
  const seen = new Map<string, string>();
  const merged: MergedBibliography = { text: '', keys: [], duplicates: [] };
  const parts: string[] = [];
  for (const source of sources) {
    const lines = source.text.split('\n');
    let chunk: string[] = [];
    let chunkKey: string | undefined;
    let chunkLine = 1;
    const flush = () => {
      if (chunkKey !== undefined && seen.has(chunkKey.toLowerCase())) {
        merged.duplicates.push({ key: chunkKey, file: source.displayPath, line: chunkLine, keptFrom: seen.get(chunkKey.toLowerCase()) as string });
      } else {
        if (chunkKey !== undefined) {
          seen.set(chunkKey.toLowerCase(), source.displayPath);
          merged.keys.push(chunkKey);
        }
        parts.push(chunk.join('\n'));
      }
      chunk = [];
      chunkKey = undefined;
    };
    lines.forEach((line, index) => {
      const start = ENTRY_START.exec(line);
      if (start) {
        flush();
        chunkLine = index + 1;
        if (!NOT_ENTRIES.has((start[1] ?? '').toLowerCase()) && start[2]) chunkKey = start[2];
      }
      chunk.push(line);
    });
    flush();
  }
  // One file with nothing left out: exactly as the author wrote it.
  if (sources.length === 1 && merged.duplicates.length === 0) {
    merged.text = sources[0]?.text ?? '';
    return merged;
  }
  const header = sources.length > 1 ? `% Merged by the Jupyter Book import from ${sources.map((source) => source.displayPath).join(', ')}.\n` : '';
  merged.text = `${header}${parts.filter((part) => part.trim() !== '').join('\n').replace(/\n*$/, '\n')}`;
  return merged;
}
