/**
 * The pipeline's one definition: rendering runs the structural plugins, the resolvers and the checks;
 * the content check runs the same list less the plugins that only format or move checked content.
 */
import { describe, expect, it } from 'vitest';
import remarkAnswers from '../../../src/markdown/answers/index.js';
import remarkCitationKeys from '../../../src/markdown/citation-keys/index.js';
import remarkCitations from '../../../src/markdown/citations/index.js';
import remarkMathCheck from '../../../src/markdown/math-check/index.js';
import { bookRemarkPlugins, type PipelineOptions, structuralRemarkPlugins } from '../../../src/markdown/pipeline.js';
import remarkExpressionPlaces from '../../../src/markdown/expression-places/index.js';
import remarkProblemAnchors from '../../../src/markdown/problem-anchors/index.js';
import remarkSelfCheck from '../../../src/markdown/self-check/index.js';
import remarkStructureHandover from '../../../src/markdown/structure-handover/index.js';

const options: PipelineOptions = {
  publicDir: 'public',
  base: '/',
  bibliographyPath: 'bib/references.bib',
  bibliographyDisplayPath: 'bib/references.bib',
  glossary: () => ({ lookup: () => undefined, names: () => [] }),
  glossaryDisplayPath: 'content/glossary.yaml',
  citationStyle: 'apa',
  answers: 'separate',
  book: { chapterOfFile: () => undefined, targets: () => ({ chapters: new Map(), labels: new Map() }), citedKeys: () => [] },
};

/** The plugin functions of a list, without their options. */
const pluginsOf = (list: ReturnType<typeof bookRemarkPlugins>) => list.map((entry) => (Array.isArray(entry) ? entry[0] : entry));

describe('the book’s remark plugins', () => {
  it('should start with the structural plugins, in their order', () => {
    const structural = pluginsOf(structuralRemarkPlugins({ publicDir: 'public', chapterOfFile: () => undefined }));
    const rendering = pluginsOf(bookRemarkPlugins(options));
    // After the work counter: the same plugins, in the same order.
    expect(rendering.slice(1, 1 + structural.length)).toEqual(structural);
    expect(structural).toContain(remarkSelfCheck);
  });

  it('should check in the content check what rendering checks, without handing its tree to the book, formatting citations, moving answers, placing expressions\' errors or marking problems for the dev panel', () => {
    const rendering = pluginsOf(bookRemarkPlugins(options));
    const checking = pluginsOf(bookRemarkPlugins({ ...options, checkOnly: true }));
    expect(rendering).toEqual(expect.arrayContaining([remarkCitationKeys, remarkCitations, remarkAnswers, remarkMathCheck]));
    expect(checking).toEqual(expect.arrayContaining([remarkCitationKeys, remarkMathCheck]));
    expect(checking).not.toContain(remarkCitations);
    expect(checking).not.toContain(remarkAnswers);
    // Beyond the work counter (a closure of each call), that is the whole difference.
    expect(rendering.slice(1).filter((plugin) => !checking.includes(plugin))).toEqual([remarkStructureHandover, remarkCitations, remarkAnswers, remarkExpressionPlaces, remarkProblemAnchors]);
  });
});
