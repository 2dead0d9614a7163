/**
 * The author's live preview: `astro dev` prints content errors (with file:line:col) and keeps serving
 * instead of dying.
 */
import { describe, expect, it } from 'vitest';
import { astroDev, fixture } from '../support/astro-build.js';

describe('the dev server', () => {
  it('should show content errors and keep serving the book', async () => {
    const server = await astroDev({ bookRoot: fixture('bad-latex') });
    try {
      await expect.poll(() => server.output(), { timeout: 30_000 }).toMatch(/content\/p\/b-1-mdx\.mdx:10:46\s+error\s+LaTeX error/);
      const home = await fetch(server.url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('Bad LaTeX');
    } finally {
      await server.stop();
    }
  });
});
