/**
 * A page with an inline script that the Content-Security-Policy does not allow fails the build,
 * every such page named with its line and column (a real `astro build` of a fixture book).
 */
import { describe, expect, it } from 'vitest';
import { astroBuild, fixture } from '../support/astro-build.js';

describe('inline scripts in the built pages', () => {
  it('should fail the build, naming every page and position, with what to do', async () => {
    const { code, output } = await astroBuild({ bookRoot: fixture('inline-script') });
    expect(code).not.toBe(0);
    expect(output).toMatch(/first-inline\/index\.html:\d+:\d+\s+error\s+Inline script `document\.body\.dataset\.counter = "1";` is not allowed by the Content-Security-Policy.*ALLOWED_INLINE_SCRIPTS.*\[csp-inline-script\]/);
    expect(output).toMatch(/second-inline\/index\.html:\d+:\d+\s+error\s+Inline script `console\.log\("tracking pixel"\);`/);
    expect(output).toMatch(/2 inline script\(s\) would be blocked by the Content-Security-Policy/);
  });
});
