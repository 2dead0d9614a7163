/**
 * The answers of the whole book, for the instructor's answer book: each published chapter, in reading
 * order, runs through the book's remark plugins once more with `answers: 'separate'`, and the answers
 * plugin hands over what it took out, resolved (citations formatted, cross-references typed). A pass of
 * its own rather than a by-product of rendering, because Astro caches rendered `.md` entries between
 * builds: an answer book made while rendering would miss the chapters that came from the cache.
 */
import { VFile } from 'vfile';
import type { PluggableList } from 'unified';
import type { BookChapter } from '../book/book-model.js';
import type { BookConfig } from '../book/book-config.js';
import { chapterParser } from '../book/check-chapters.js';
import { bookPipelineOptions } from '../book/pipeline-options.js';
import type { ChapterAnswer } from '../markdown/answers/index.js';
import { bookRemarkPlugins } from '../markdown/pipeline.js';

/** A chapter and its answers, in reading order. */
export interface ChapterAnswers {
  chapter: BookChapter;
  answers: ChapterAnswer[];
}

/** Every published chapter's answers (chapters without answers included, with none). */
export async function collectBookAnswers(config: BookConfig): Promise<ChapterAnswers[]> {
  const pipeline = bookPipelineOptions(config);
  const model = pipeline.book.model();
  const collected: ChapterAnswers[] = [];
  for (const chapter of model.chapters) {
    const chapterFile = model.chapterFiles.get(chapter.id);
    if (!chapterFile) continue;
    let answers: ChapterAnswer[] = [];
    const plugins = bookRemarkPlugins({ ...pipeline, answers: 'separate', onAnswers: (found) => (answers = found) });
    const processor = chapterParser(chapterFile.path).use(plugins as PluggableList);
    // A fresh file: this pass's messages are the content check's, already reported.
    const file = new VFile({ path: chapterFile.file.path, cwd: chapterFile.file.cwd, value: chapterFile.source, data: { ...chapterFile.file.data } });
    await processor.run(processor.parse(file), file);
    collected.push({ chapter, answers });
  }
  return collected;
}
