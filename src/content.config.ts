/**
 * The chapters collection: the chapter files the book model publishes (planned drafts are left out),
 * each with its frontmatter validated by the same schema the book model uses, and keyed by its stable
 * id. The list is read from the model whenever the collection loads (src/book/chapters-loader.ts).
 */
import { defineCollection } from 'astro:content';
import { bookPaths } from './book/book-paths.js';
import { chapterFrontmatterSchema } from './book/chapter-frontmatter.js';
import { chaptersLoader } from './book/chapters-loader.js';

const chapters = defineCollection({
  loader: chaptersLoader(bookPaths()),
  schema: chapterFrontmatterSchema,
});

export const collections = { chapters };
