/**
 * mdast node types for MyST roles. The generic `mystRole` comes out of the parser; `remarkMystRoles`
 * types it into `cite` or `crossReference`, which the citation and cross-reference plugins resolve.
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

declare module 'mdast' {
  interface PhrasingContentMap {
    mystHeadingId: MystHeadingId;
    mystRole: MystRole;
    cite: Cite;
    crossReference: CrossReference;
  }
  interface RootContentMap {
    mystHeadingId: MystHeadingId;
    mystRole: MystRole;
    cite: Cite;
    crossReference: CrossReference;
  }
}
