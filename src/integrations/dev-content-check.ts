/**
 * The content check of the dev server: the same checks as a build (src/integrations/content-check.ts),
 * run again after every save, but a chapter is checked again only when its source changed or when
 * something its check reads from the rest of the book changed (the settings, the .bib's keys, the
 * glossary, the labels and chapter ids of the book, the files under public/ and content/). An edit of
 * one chapter's text re-checks that chapter alone; the structural pass re-parses it alone too
 * (src/book/book-context.ts), so the cost of a save does not grow with the number of chapters.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { loadBibliography } from '../bibliography/load-bibliography.js';
import { loadBookConfig } from '../book/book-config.js';
import { bookContextFor } from '../book/book-context.js';
import { displayPath, type BookPaths } from '../book/book-paths.js';
import { checkChapter } from '../book/check-chapters.js';
import { checkGlossaryChapters, loadGlossary } from '../book/glossary.js';
import { bookPipelineOptions } from '../book/pipeline-options.js';
import { loadResources } from '../book/resources.js';
import { type ContentProblem, listProblems } from '../diagnostics/report.js';

export interface DevCheckResult {
  problems: ContentProblem[];
  /** Chapters checked again by this run (the others' results were kept). */
  checked: number;
  chapters: number;
  /** The published chapter files (relative to content/), to see whether the collection must reload. */
  published: string[];
  /**
   * A digest of everything a chapter's rendering reads from the rest of the book: when it changes,
   * pages rendered before show stale numbers, titles or citations and must be rendered again.
   */
  renderInputs: string;
}

export class DevContentCheck {
  readonly #paths: BookPaths;
  readonly #chapters = new Map<string, { key: string; file: VFile }>();
  // Bumped when a file other than a chapter appears, disappears or changes under public/ or content/
  // (a figure, an image): checks that look for files must run again.
  #filesEpoch = 0;

  constructor(paths: BookPaths) {
    this.#paths = paths;
  }

  /** Figures or images changed: every chapter's check and structure must be computed again. */
  filesChanged(): void {
    this.#filesEpoch += 1;
    bookContextFor(this.#paths).forgetStructures();
  }

  async run(): Promise<DevCheckResult> {
    const paths = this.#paths;
    const config = loadBookConfig(paths);
    const book = bookContextFor(paths);
    const model = book.model();
    const targets = book.targets();
    const bibliography = loadBibliography(config.bibliography.path, config.bibliography.displayPath);
    const glossaryDisplay = displayPath(paths, paths.glossary);
    const glossary = loadGlossary(paths.glossary, glossaryDisplay);
    const glossaryChapters = checkGlossaryChapters(glossary, model.parts.flatMap((part) => part.chapters.map((chapter) => chapter.id)));
    const resources = loadResources(paths.resources, displayPath(paths, paths.resources));
    const pipeline = { ...bookPipelineOptions(config), checkOnly: true };

    // What a chapter's check reads from the rest of the book (see the module comment).
    const settings = readOrEmpty(paths.structure);
    const glossarySource = readOrEmpty(paths.glossary);
    const shared = digest(
      settings,
      glossarySource,
      `${bibliography.file.path}|${bibliography.missing ? 'missing' : [...bibliography.items.keys()].sort().join(',')}`,
      [...targets.labels.values()].map((target) => `${target.label}:${target.kind}:${target.chapterId}`).join(','),
      [...targets.chapters.values()].map((chapter) => `${chapter.id}:${chapter.planned}:${chapter.slug ?? ''}`).join(','),
      String(this.#filesEpoch),
    );

    const chapterFiles: VFile[] = [];
    const live = new Set<string>();
    let checked = 0;
    for (const chapter of model.chapters) {
      const chapterFile = model.chapterFiles.get(chapter.id);
      if (!chapterFile) continue;
      live.add(chapterFile.path);
      const key = digest(shared, chapter.id, chapter.number, chapterFile.source);
      let kept = this.#chapters.get(chapterFile.path);
      if (kept?.key !== key) {
        // A VFile of its own: the model's (shared with rendering) keeps its frontmatter messages only.
        const file = new VFile({ path: chapterFile.displayPath, cwd: paths.root, value: chapterFile.source });
        // From the chapter's structural pass, which rendering the page has just made (not a parse of its own).
        await checkChapter({ ...chapterFile, file }, pipeline, book.structureOf(chapter.id));
        kept = { key, file };
        this.#chapters.set(chapterFile.path, kept);
        checked += 1;
      }
      chapterFiles.push(kept.file);
    }
    for (const file of this.#chapters.keys()) if (!live.has(file)) this.#chapters.delete(file);

    const problems = listProblems([
      ...model.files,
      bibliography.file,
      glossary.file,
      glossaryChapters,
      resources.file,
      ...targets.files,
      ...chapterFiles,
    ]);
    const renderInputs = digest(
      shared,
      readOrEmpty(config.bibliography.path),
      [...targets.labels.values()].map((target) => JSON.stringify(target)).join('\n'),
      [...targets.chapters.values()].map((chapter) => `${chapter.id}:${chapter.number}:${chapter.title}`).join('\n'),
      book.citedKeys().join(','),
    );
    const published = [...model.chapterFiles.values()].map((chapter) => chapter.displayPath.replace(/^content\//, ''));
    return { problems, checked, chapters: model.chapters.length, published, renderInputs };
  }
}

function digest(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
