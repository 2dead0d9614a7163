/**
 * What `{doc}`, `{ref}`, `{numref}` and `{eq}` resolve against: the book's chapters and labels,
 * collected before any chapter is resolved (src/book/cross-reference-targets.ts builds them).
 */

/** A labelled section, figure or equation. */
export interface LabelTarget {
  kind: 'section' | 'figure' | 'equation';
  label: string;
  chapterId: string;
  /** The element id in the chapter's page. */
  anchor: string;
  /** Section title, or the figure's caption text. */
  title: string;
  /** Figure or equation number, e.g. `1.2.3`. */
  number?: string;
  /** Where it is defined, for messages. */
  file: string;
  line?: number;
}

/** What the plugin needs of a chapter to link it. */
export interface ChapterTarget {
  title: string;
  number: string;
  /** Absent for a planned chapter, which has no page yet. */
  slug?: string;
  planned?: boolean;
}

export interface ResolvableTargets {
  /** Every chapter of the structure, published or planned, by stable id. */
  chapters: Map<string, ChapterTarget>;
  labels: Map<string, LabelTarget>;
}
