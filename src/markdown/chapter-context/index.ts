/**
 * remark plugin: tell the later plugins which chapter they are transforming (its id and number), from
 * the file's path, so figures and equations can be numbered `<chapter>.<n>` and cross-references
 * resolved relative to it. The lookup comes from the book model.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

export interface ChapterContext {
  id: string;
  /** The chapter's number, e.g. `4.1`. */
  number: string;
}

export interface ChapterContextOptions {
  /** The chapter a file belongs to, by the file's absolute path. */
  chapterOfFile: (absolutePath: string) => ChapterContext | undefined;
}

declare module 'vfile' {
  interface DataMap {
    bookChapter: ChapterContext;
  }
}

export default function remarkChapterContext(options: ChapterContextOptions) {
  return (_tree: Root, file: VFile) => {
    if (file.data.bookChapter) return;
    const chapter = file.path ? options.chapterOfFile(file.path) : undefined;
    if (chapter) file.data.bookChapter = chapter;
  };
}
