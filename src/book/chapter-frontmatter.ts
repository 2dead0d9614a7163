/** The frontmatter every chapter file declares, validated once (by the content collection and the book model). */
import { z } from 'astro/zod';

/** Ids and slugs: lowercase words and digits joined by dashes, e.g. `1-3-mitigation`. */
const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes, e.g. `1-3-mitigation`');

export const chapterFrontmatterSchema = z.object({
  /** Stable chapter id: used by `{doc}` references and the structure file; never changes. */
  id: kebab,
  /** The chapter's title, as shown in the contents and at the top of its page. */
  title: z.string().min(1),
  /** Stable URL slug (the page is `/<slug>/`); never derived from the chapter number. */
  slug: kebab,
  /** One line saying what the chapter teaches (contents, search results, meta description). */
  description: z.string().min(1).max(200),
  /** Optional learning objectives, shown at the top of the chapter. */
  objectives: z.array(z.string().min(1)).optional(),
});

export type ChapterFrontmatter = z.infer<typeof chapterFrontmatterSchema>;
