/**
 * The graded edition's gate: an answer's text found in any file of the public output (a page, a
 * Pagefind fragment, a script) is a leak; the same words in other typography too; other text is not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { answerFingerprint, findAnswerLeaks } from '../../../src/answer-book/find-answer-leaks.js';
import type { ChapterAnswer } from '../../../src/markdown/answers/index.js';
import { makeTempDir } from '../../support/temp-dir.js';

const answer: ChapterAnswer = {
  exercise: 3,
  title: 'the other way round',
  answerTitle: 'Answer',
  question: [],
  body: [{ type: 'paragraph', children: [{ type: 'inlineMath', value: 'x' }, { type: 'text', value: ' so four out of five positives in group A are missed' }] }],
};

function site(files: Record<string, string | Buffer>): string {
  const root = makeTempDir('answer-leaks-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

describe('answer leaks', () => {
  it('should take an answer’s longest run of text as its fingerprint, and none from a formula alone', () => {
    expect(answerFingerprint(answer)).toBe('so four out of five positives in group a are missed');
    expect(answerFingerprint({ body: [{ type: 'paragraph', children: [{ type: 'inlineMath', value: 'x = 0.8' }] }] })).toBeUndefined();
  });

  it('should find an answer in a page, a Pagefind fragment or a script, whatever the typography', () => {
    const fragment = gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url: '/a/', content: 'So four out of five positives in group A are missed.' })}`));
    const root = site({
      'a/index.html': '<p>So <em>four</em> out of five positives in group&nbsp;A are missed.</p>',
      'pagefind/fragment/en_1.pf_fragment': fragment,
      'previews.js': 'window.x = "so four out of five positives — in group A — are missed"',
      'b/index.html': '<p>Four out of five positives in group A are found.</p>',
      'font.woff2': Buffer.from([0, 1, 2]),
    });
    expect(findAnswerLeaks(root, [answer]).map((leak) => leak.file).sort()).toEqual(['a/index.html', 'pagefind/fragment/en_1.pf_fragment', 'previews.js']);
  });
});
