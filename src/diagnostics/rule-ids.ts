/**
 * One registry of the rule ids that the book's diagnostics carry, so that messages can be filtered,
 * documented and tested by id (as mystmd's `RuleId` does).
 */
export const RuleId = {
  /** A chapter's MDX or Markdown does not parse. */
  syntaxParses: 'syntax-parses',
  /** A formula does not parse with KaTeX. */
  mathParses: 'math-parses',
  /** A `{name}` role is not one this book knows. */
  roleKnown: 'role-known',
  /** A role whose resolver has not landed yet is rendered as a placeholder. */
  roleResolved: 'role-resolved',
  /** The structure file (content/book.yaml) is valid. */
  structureValid: 'structure-valid',
  /** Every chapter file is listed in the structure, and every listed chapter has a file. */
  structureMatchesFiles: 'structure-matches-files',
  /** A chapter is planned (shown as forthcoming), not yet published. */
  chapterPlanned: 'chapter-planned',
  /** A chapter's frontmatter is valid. */
  frontmatterValid: 'frontmatter-valid',
  /** Chapter ids and slugs are unique across the book. */
  chapterUnique: 'chapter-unique',
  /** A figure directive is complete (source exists, alt text given). */
  figureValid: 'figure-valid',
  /** An interactive figure directive names a known widget, with its required and known options. */
  interactiveValid: 'interactive-valid',
  /** A `{self-check}` question is complete: a label, options with a correct one or a numeric answer, an explanation. */
  selfCheckValid: 'self-check-valid',
  /** A directive (```{name}) is one this book knows. */
  directiveKnown: 'directive-known',
  /** A directive's options are ones it knows, well-formed (admonitions, dropdowns, `{bibliography}`). */
  directiveValid: 'directive-valid',
  /** No LaTeX is left as text on a page: a `\\begin{…}` or `$$` that did not become math. */
  mathRawLatex: 'math-raw-latex',
  /** An image referenced relative to its chapter exists, with the same case as the file on disk. */
  imageExists: 'image-exists',
  /** A chapter's title is given once: in its frontmatter, or as its first `# Heading`. */
  chapterTitle: 'chapter-title',
  /** The .bib file parses; each entry is well-formed. */
  bibliographyParses: 'bibliography-parses',
  /** Citation keys are unique in the .bib file. */
  bibliographyUniqueKeys: 'bibliography-unique-keys',
  /** Entries have an author (or editor), a title and a year. */
  bibliographyComplete: 'bibliography-complete',
  /** Every cited key is in the bibliography. */
  citationKeyExists: 'citation-key-exists',
  /** A citation names at least one key. */
  citationNotEmpty: 'citation-not-empty',
  /** The glossary (content/glossary.yaml) is valid: each entry well-formed, terms and aliases unique, `see` chapters known. */
  glossaryValid: 'glossary-valid',
  /** Every `{term}` role names a term (or alias) of the glossary. */
  glossaryTermExists: 'glossary-term-exists',
  /** The resources file (content/resources.yaml) is valid. */
  resourcesValid: 'resources-valid',
  /** A label `(name)=`, `{#id}` or `\\label{}` stands where it can name something. */
  labelPlacement: 'label-placement',
  /** Labels are unique in the book. */
  labelUnique: 'label-unique',
  /** A cross-reference's target exists. */
  xrefTargetExists: 'xref-target-exists',
  /** An `old -> new` line of content/redirects.yaml is well-formed and its target exists. */
  redirectValid: 'redirect-valid',
  /** Every page and anchor of the URL manifest (content/urls.json) still exists, or has an alias. */
  urlKept: 'url-kept',
  /** Every inline script of the built site is one the Content-Security-Policy allows (by hash). */
  cspInlineScript: 'csp-inline-script',
  /** A notebook (.ipynb) is valid JSON in nbformat 4. */
  notebookValid: 'notebook-valid',
  /** A notebook output is shown as stored: one that needs a script, or loses unsafe HTML, is shown statically (a warning). */
  notebookOutput: 'notebook-output',
  /** A chapter renders: no MDX expression (or component) in it throws when its page is rendered. */
  chapterRenders: 'chapter-renders',
  /** A notebook raw cell is left out of the page (its format is not HTML or Markdown), or its HTML lost unsafe parts (a warning). */
  notebookRawCell: 'notebook-raw-cell',
} as const;

export type RuleId = (typeof RuleId)[keyof typeof RuleId];
