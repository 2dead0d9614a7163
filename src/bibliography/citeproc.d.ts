/** The small part of citeproc-js's API that the CSL adapter uses (the package ships no types). */
declare module 'citeproc' {
  export interface CitationResultTuple extends Array<unknown> {
    0: number;
    1: string;
    2: string;
  }
  export interface EngineSys {
    retrieveLocale: (lang: string) => string | object;
    retrieveItem: (id: string) => object;
    wrapCitationEntry?: (html: string, id: string) => string;
    apply_citation_wrapper?: boolean;
  }
  export interface CitationItem {
    id: string;
    'author-only'?: boolean;
    'suppress-author'?: boolean;
  }
  export class Engine {
    constructor(sys: EngineSys, style: string, lang?: string, forceLang?: boolean);
    opt: { development_extensions: Record<string, boolean> };
    setOutputFormat(format: 'html' | 'text'): void;
    updateItems(ids: string[]): void;
    restoreProcessorState(citations: unknown[]): void;
    makeCitationCluster(items: CitationItem[]): string;
    processCitationCluster(
      citation: { citationItems: CitationItem[]; properties: { noteIndex: number; mode?: 'composite' } },
      citationsPre: unknown[],
      citationsPost: unknown[],
    ): [unknown, CitationResultTuple[]];
    makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  }
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
