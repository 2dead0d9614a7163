/** The frontmatter every chapter file declares, validated once (by the content collection and the book model). */
import { z } from 'astro/zod';

/** Slugs: lowercase words and digits joined by dashes, e.g. `measuring-fairness`. */
const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes, e.g. `1-3-mitigation`');

/**
 * Chapter ids: words and digits joined by dashes, in the case the author wrote them (`1-3-mitigation`,
 * or `4-1-GenAI` from a Jupyter Book, whose file name was its id). `{doc}` references match them exactly.
 */
export const chapterIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/, 'use letters, digits and dashes, e.g. `1-3-mitigation` or `4-1-GenAI`');

export const chapterFrontmatterSchema = z
  .object({
    /** Stable chapter id: used by `{doc}` references and the structure file; never changes. */
    id: chapterIdSchema,
    /** The chapter's title, as shown in the contents and at the top of its page; without it, the chapter's first `# Heading` (MyST's convention). */
    title: z.string().min(1).optional(),
    /** Stable URL slug (the page is `/<slug>/`); never derived from the chapter number. Default: the id in lowercase. */
    slug: kebab.optional(),
    /** One line saying what the chapter teaches (contents, search results, meta description). */
    description: z.string().min(1).max(200).optional(),
    /** Optional learning objectives, shown at the top of the chapter. */
    objectives: z.array(z.string().min(1)).optional(),
  })
  .transform((frontmatter) => ({ ...frontmatter, slug: frontmatter.slug ?? frontmatter.id.toLowerCase() }));

export type ChapterFrontmatter = z.infer<typeof chapterFrontmatterSchema>;
