/**
 * mdast node types for MyST roles. The generic `mystRole` comes out of the parser; `remarkMystRoles`
 * types it into `cite`, `crossReference` or `glossaryTerm`, which the citation, cross-reference and
 * glossary plugins resolve.
 */
import type { Data, Literal, Node } from 'mdast';
// Brings the `data.hName`/`hProperties`/`hChildren` fields that remark-rehype reads into mdast's Data.
import type {} from 'mdast-util-to-hast';

/** A role as written: `{name}`value``. */
export interface MystRole extends Literal {
  type: 'mystRole';
  /** Role name, with its variant: `cite:p`, `doc`. */
  name: string;
  value: string;
}

/** `{#id}` after a heading's text: the heading's explicit id. */
export interface MystHeadingId extends Literal {
  type: 'mystHeadingId';
}

/** `{cite:p}`a,b`` (parenthetical) or `{cite:t}`a`` (textual). */
export interface Cite extends Node {
  type: 'cite';
  kind: 'p' | 't';
  keys: string[];
  /** The keys the bibliography has, set by the key check (../citation-keys); the formatter renders these. */
  resolved?: string[];
  data?: Data;
}

/** `{doc}`, `{ref}`, `{numref}` or `{eq}` pointing at a target by its stable id or label. */
export interface CrossReference extends Node {
  type: 'crossReference';
  kind: 'doc' | 'ref' | 'numref' | 'eq';
  target: string;
  /** Link text written by the author (`{ref}`text <target>``); `%s` in it stands for the number. */
  text?: string;
  data?: Data;
}

/** `{term}`differential privacy`` or `{term}`text <Term>``: a glossary term used in the text. */
export interface GlossaryTerm extends Node {
  type: 'glossaryTerm';
  /** The name as written (a term or alias of the glossary, any case, maybe plural). */
  term: string;
  /** Display text written by the author (`{term}`text <Term>``); default: the name as written. */
  text?: string;
  /** The text shown, so that `mdast-util-to-string` reads a marked term in a caption like the rest. */
  value: string;
  data?: Data;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    mystHeadingId: MystHeadingId;
    mystRole: MystRole;
    cite: Cite;
    crossReference: CrossReference;
    glossaryTerm: GlossaryTerm;
  }
  interface RootContentMap {
    mystHeadingId: MystHeadingId;
    mystRole: MystRole;
    cite: Cite;
    crossReference: CrossReference;
    glossaryTerm: GlossaryTerm;
  }
}
