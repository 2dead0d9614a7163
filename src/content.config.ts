/**
 * The chapters collection: the chapter files the book model publishes (planned drafts are left out),
 * each with its frontmatter validated by the same schema the book model uses, and keyed by its stable id.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { getBookModel } from './book/book-model-cache.js';
import { bookPaths } from './book/book-paths.js';
import { chapterFrontmatterSchema } from './book/chapter-frontmatter.js';

const paths = bookPaths();
const model = getBookModel();
const published = [...model.chapterFiles.values()].map((chapter) => chapter.displayPath.replace(/^content\//, ''));

const chapters = defineCollection({
  loader: glob({
    base: paths.content,
    // A pattern that matches nothing keeps the collection valid while no chapter is published.
    pattern: published.length > 0 ? published : ['__no-published-chapters__.md'],
    generateId: ({ data }) => String(data.id),
  }),
  schema: chapterFrontmatterSchema,
});

export const collections = { chapters };
