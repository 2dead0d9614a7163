/**
 * Write a synthetic book as our platform reads it (a `BOOK_ROOT`): content/book.yaml, one folder
 * per part with the chapters as .md files, bib/references.bib and an empty public/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type SyntheticBibliography, type SyntheticChapter, yamlString } from './synthetic-book.js';

/** The part folder of a chapter, shared with the Starlight site so both trees look alike. */
export function partFolder(part: number): string {
  return `part-${String(part + 1).padStart(2, '0')}`;
}

/** Write the book under `root` (which must not exist yet or be empty). */
export function writeBookFolder(root: string, chapters: SyntheticChapter[], bibliography: SyntheticBibliography): void {
  mkdirSync(path.join(root, 'bib'), { recursive: true });
  mkdirSync(path.join(root, 'public'), { recursive: true });
  writeFileSync(path.join(root, 'bib', 'references.bib'), bibliography.bibtex);

  const parts = new Map<number, string[]>();
  for (const chapter of chapters) {
    const folder = path.join(root, 'content', partFolder(chapter.part));
    mkdirSync(folder, { recursive: true });
    const frontmatter = ['---', `id: ${chapter.id}`, `title: ${yamlString(chapter.title)}`, `slug: ${chapter.slug}`, `description: ${yamlString(chapter.description)}`, '---', ''];
    writeFileSync(path.join(folder, `${chapter.id}.md`), `${frontmatter.join('\n')}\n${chapter.body}`);
    parts.set(chapter.part, [...(parts.get(chapter.part) ?? []), chapter.id]);
  }

  const structure = [
    'title: Synthetic Benchmark Book',
    'authors: [Bench Generator]',
    `introduction: ${yamlString(`A generated book of ${chapters.length} chapters for the scale benchmark. The text is not meant to be read.`)}`,
    'parts:',
    ...[...parts].flatMap(([part, ids]) => [`  - title: Synthetic Part ${part + 1}`, '    chapters:', ...ids.map((id) => `      - ${id}`)]),
  ];
  writeFileSync(path.join(root, 'content', 'book.yaml'), `${structure.join('\n')}\n`);
}
