/** The URL a copy-link button copies (src/scripts/copy-link-url.ts). */
import { describe, expect, it } from 'vitest';
import { copyLinkUrl } from '../../../src/scripts/copy-link-url.js';

describe('copyLinkUrl', () => {
  it('should build the link from the canonical URL (site URL and base path) when there is one', () => {
    expect(copyLinkUrl('eq-odds', 'https://example.org/course/rai/measuring-fairness/', 'http://localhost:4321/course/rai/measuring-fairness/')).toBe(
      'https://example.org/course/rai/measuring-fairness/#eq-odds',
    );
  });

  it('should use the address the page is served from without a canonical URL, without its query or old fragment', () => {
    expect(copyLinkUrl('fig-loop', null, 'http://127.0.0.1:8080/algorithmic-bias/?highlight=bias#top')).toBe('http://127.0.0.1:8080/algorithmic-bias/#fig-loop');
  });

  it('should work from a folder opened in the browser (file://)', () => {
    expect(copyLinkUrl('exercises', undefined, 'file:///home/me/book/measuring-fairness/index.html')).toBe('file:///home/me/book/measuring-fairness/index.html#exercises');
  });

  it('should encode an id that is not URL-safe', () => {
    expect(copyLinkUrl('résumé section', null, 'https://example.org/a/')).toBe('https://example.org/a/#r%C3%A9sum%C3%A9%20section');
  });
});
