import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkInlineScripts } from '../../../src/integrations/content-security-policy.js';
import {
  ALLOWED_INLINE_SCRIPTS,
  contentSecurityPolicy,
  hashSource,
  headersFile,
  inlineScripts,
  refusedScripts,
  styleHashes,
  withPolicyMeta,
} from '../../../src/security/content-security-policy.js';
import { THEME_BOOT_SCRIPT } from '../../../src/security/theme-boot-script.js';

const page = (body: string, head = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}<title>t</title></head><body>${body}</body></html>`;

describe('content security policy', () => {
  it('should hash a text as browsers do (SHA-256 of its UTF-8 bytes, base64)', () => {
    expect(hashSource('alert(1)')).toBe(`'sha256-${createHash('sha256').update('alert(1)').digest('base64')}'`);
    expect(hashSource('é')).not.toBe(hashSource('e'));
  });

  it('should allow the theme script by its hash, and no inline script by any other means', () => {
    const policy = contentSecurityPolicy({ styleHashes: [] });
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe(`script-src 'self' 'wasm-unsafe-eval' ${hashSource(THEME_BOOT_SCRIPT)}`);
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy).not.toMatch(/https?:|\*/);
    expect(policy).not.toContain('frame-ancestors');
    expect(contentSecurityPolicy({ styleHashes: [], header: true })).toContain("frame-ancestors 'none'");
  });

  it('should allow style elements only by their hashes, sorted and without repeats', () => {
    const [a, b] = [hashSource('a{}'), hashSource('b{}')];
    expect(contentSecurityPolicy({ styleHashes: [b, a, b] })).toContain(`style-src-elem 'self' ${[a, b].sort().join(' ')};`);
    expect(styleHashes(page('<style>a{}</style><p>x</p><style media="print">b{}</style>'))).toEqual([a, b]);
  });

  it('should find inline scripts that execute, not external scripts or data blocks', () => {
    const html = page(
      '<script src="/a.js"></script><script type="application/ld+json">{"@type":"Book"}</script><script type="module">go()</script><script>run()</script>',
    );
    expect(inlineScripts(html).map((script) => script.text)).toEqual(['go()', 'run()']);
  });

  it('should refuse every inline script but the allowed ones', () => {
    const html = page('<script>run()</script>', `<script>${THEME_BOOT_SCRIPT}</script>`);
    expect(ALLOWED_INLINE_SCRIPTS).toContain(THEME_BOOT_SCRIPT);
    expect(refusedScripts(html).map((script) => script.text)).toEqual(['run()']);
    // One changed character is another script.
    expect(refusedScripts(page('', `<script>${THEME_BOOT_SCRIPT} </script>`))).toHaveLength(1);
  });

  it('should name the page, the line and the column of a refused script, with what to do', () => {
    const html = '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n<body>\n  <p>x</p><script>document.title = "x";</script>\n</body></html>';
    const file = checkInlineScripts('dist/chapter/index.html', html);
    expect(file.messages).toHaveLength(1);
    const [message] = file.messages;
    expect(message?.fatal).toBe(true);
    expect([message?.line, message?.column]).toEqual([4, 11]);
    expect(message?.ruleId).toBe('csp-inline-script');
    expect(message?.reason).toContain('`document.title = "x";` is not allowed by the Content-Security-Policy');
    expect(message?.reason).toContain('ALLOWED_INLINE_SCRIPTS');
  });

  it('should put the policy right after the charset, before anything that loads', () => {
    const html = page('<p>x</p>', '<link rel="stylesheet" href="/a.css"><script src="/a.js"></script>');
    const result = withPolicyMeta(html, "default-src 'self'");
    expect(result).toContain(`<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><link`);
    expect(withPolicyMeta('<html><head><title>t</title></head></html>', 'a "b"')).toContain('<head><meta http-equiv="Content-Security-Policy" content="a &quot;b&quot;"><title>');
    expect(() => withPolicyMeta('<p>no head</p>', 'x')).toThrow(/no <head>/);
  });

  it('should write a _headers file that applies the policy to every URL', () => {
    const text = headersFile("default-src 'self'");
    expect(text.split('\n').slice(1, 3)).toEqual(['/*', "  Content-Security-Policy: default-src 'self'"]);
    expect(text).toContain('  Referrer-Policy: no-referrer');
  });
});
