/**
 * Where the book uses each glossary term: for every published chapter, the first `{term}` use of
 * each entry with its section, in reading order. The glossary page's "used in" links land on that
 * use (`termref-<slug>`, the id the glossary plugin gives a chapter's first use).
 */
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { GlossaryTerm } from '../markdown/myst-roles/types.js';
import type { BookModel } from './book-model.js';
import type { BookPaths } from './book-paths.js';
import type { Glossary } from './glossary.js';
import { parseChapterStructure } from './parse-chapter.js';

export interface TermUse {
  /** The entry's anchor on the glossary page (`term-<slug>`). */
  anchor: string;
  chapterId: string;
  /** The h2–h6 section of the first use (absent before the first heading). */
  section?: { title: string; id: string };
}

/** The first use of each glossary entry in a chapter tree, in document order. */
export function collectTermUses(tree: Root, chapterId: string, glossary: Glossary): TermUse[] {
  const uses: TermUse[] = [];
  const seen = new Set<string>();
  const slugger = new GithubSlugger();
  let section: TermUse['section'];
  visit(tree, (node) => {
    if (node.type === 'heading' && node.depth >= 2) {
      const title = toString(node);
      section = { title, id: slugger.slug(title) };
    } else if (node.type === 'glossaryTerm') {
      const entry = glossary.lookup((node as GlossaryTerm).term);
      if (!entry || seen.has(entry.anchor)) return;
      seen.add(entry.anchor);
      uses.push({ anchor: entry.anchor, chapterId, section });
    }
  });
  return uses;
}

/** The first uses in every published chapter of the book, in reading order. */
export function indexBookTermUses(model: BookModel, paths: BookPaths, glossary: Glossary, parse: typeof parseChapterStructure = parseChapterStructure): TermUse[] {
  const all: TermUse[] = [];
  if (glossary.entries.length === 0) return all;
  for (const chapter of model.chapters) {
    const chapterFile = model.chapterFiles.get(chapter.id);
    if (!chapterFile) continue;
    const tree = parse(chapterFile, chapter, paths);
    if (tree) all.push(...collectTermUses(tree, chapter.id, glossary));
  }
  return all;
}
