/** Reading order helpers over the book model: previous/next chapter and the URL of a chapter. */
import type { BookChapter, BookModel } from './book-model.js';

/** URL of a published chapter's page, below the site's base. */
export function chapterHref(base: string, chapter: BookChapter): string {
  return `${base}${chapter.slug}/`;
}

/** The published chapters before and after `id` in reading order. */
export function neighbours(model: BookModel, id: string): { previous?: BookChapter; next?: BookChapter } {
  const index = model.chapters.findIndex((chapter) => chapter.id === id);
  if (index < 0) return {};
  return { previous: model.chapters[index - 1], next: model.chapters[index + 1] };
}
