/** A reader's self-check progress: stored per chapter page, latest answer counts, tolerant of bad storage. */
import { describe, expect, it } from 'vitest';
import { progressKey, readProgress, recordResult, tally, tallyText, withLabels } from '../../../src/markdown/self-check/progress.js';

function memoryStorage(entries: Record<string, string> = {}) {
  const map = new Map(Object.entries(entries));
  return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value) };
}

describe('self-check progress', () => {
  it('should key progress by the chapter page path, whatever the URL form', () => {
    expect(progressKey('https://example.org/book/measure/')).toBe('self-check:/book/measure/');
    expect(progressKey('https://example.org/book/measure/#sc-x')).toBe('self-check:/book/measure/');
    expect(progressKey('https://example.org/book/measure/?q=1')).toBe('self-check:/book/measure/');
    expect(progressKey('file:///tmp/export/measure/index.html')).toBe('self-check:/tmp/export/measure/');
    expect(progressKey('/measure')).toBe('self-check:/measure/');
  });

  it('should count the latest result of each current question', () => {
    let progress = withLabels({ labels: [], results: {} }, ['a', 'b', 'c']);
    progress = recordResult(progress, 'a', false);
    expect(tally(progress)).toEqual({ correct: 0, total: 3 });
    progress = recordResult(progress, 'a', true);
    progress = recordResult(progress, 'b', true);
    expect(tally(progress)).toEqual({ correct: 2, total: 3 });
    expect(tallyText(tally(progress))).toBe('2 of 3 correct');
    progress = recordResult(progress, 'b', false);
    expect(tally(progress)).toEqual({ correct: 1, total: 3 });
  });

  it('should survive a round trip through storage', () => {
    const storage = memoryStorage();
    const progress = recordResult(withLabels({ labels: [], results: {} }, ['a', 'b']), 'b', true);
    storage.setItem('k', JSON.stringify(progress));
    expect(readProgress(storage, 'k')).toEqual(progress);
  });

  it('should drop results of questions the chapter no longer has', () => {
    const progress = recordResult(recordResult(withLabels({ labels: [], results: {} }, ['a', 'b']), 'a', true), 'b', true);
    const now = withLabels(progress, ['b', 'c']);
    expect(now).toEqual({ labels: ['b', 'c'], results: { b: true } });
    expect(tally(now)).toEqual({ correct: 1, total: 2 });
  });

  it('should start afresh from missing, malformed or foreign values', () => {
    const empty = { labels: [], results: {} };
    expect(readProgress(memoryStorage(), 'k')).toEqual(empty);
    expect(readProgress(memoryStorage({ k: '{not json' }), 'k')).toEqual(empty);
    expect(readProgress(memoryStorage({ k: '42' }), 'k')).toEqual(empty);
    expect(readProgress(memoryStorage({ k: '{"labels":"x"}' }), 'k')).toEqual(empty);
    const throwing = { getItem: () => { throw new Error('denied'); } };
    expect(readProgress(throwing, 'k')).toEqual(empty);
  });
});
