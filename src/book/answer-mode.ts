/**
 * Where a build puts the answers of exercises: `inline`, on the chapter pages (collapsed), as always;
 * or `separate`, the graded edition: left out of the public site and written to the instructor's
 * answer book (src/answer-book/). Set by `answers:` in content/book.yaml, overridden by the ANSWERS
 * environment variable (`ANSWERS=separate npm run build`).
 */
import { z } from 'astro/zod';

/** The allowed values, in the order messages list them. */
export const ANSWER_MODES = ['inline', 'separate'] as const;

export type AnswerMode = (typeof ANSWER_MODES)[number];

const ALLOWED = ANSWER_MODES.map((mode) => `\`${mode}\``).join(' or ');

/** The schema of the setting, shared by the structure file and the environment variable. */
export const answerModeSchema = z.enum(ANSWER_MODES, {
  error: `write ${ALLOWED}: \`inline\` keeps answers on the chapter pages, \`separate\` moves them to the instructor's answer book`,
});

/** The ANSWERS variable, checked: an allowed value, or the build stops naming them. */
export function answerModeFromEnvironment(value: string): AnswerMode {
  const result = answerModeSchema.safeParse(value.trim());
  if (result.success) return result.data;
  throw new Error(
    `ANSWERS=${value} is not a way to publish answers: write ANSWERS=inline (answers on the chapter pages, the default) or ANSWERS=separate (a graded edition: answers only in the instructor's answer book)`,
  );
}
