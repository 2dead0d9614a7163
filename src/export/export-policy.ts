/**
 * The exported book's Content-Security-Policy: the website's, with `file:` beside 'self'. A page
 * opened from a folder has an opaque origin, and whether 'self' matches the folder's files differs
 * between browsers (in Chromium 156 it does); `file:` allows them everywhere — the folder's own files,
 * and nothing from any other host, as on the website (no third-party requests). No connections at
 * all (the export fetches nothing) and no WebAssembly (its search is plain JavaScript). Inline
 * scripts and style elements are still allowed only by hash.
 */
import { ALLOWED_INLINE_SCRIPTS, hashSource } from '../security/content-security-policy.js';

/** The policy for the export's pages, given the hashes of their `<style>` elements. */
export function exportContentSecurityPolicy(styleHashes: readonly string[]): string {
  const scripts = [...new Set(ALLOWED_INLINE_SCRIPTS.map(hashSource))];
  const styles = [...new Set(styleHashes)].sort();
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'", 'file:'],
    ['script-src', "'self'", 'file:', ...scripts],
    ['script-src-attr', "'none'"],
    ['style-src', "'self'", 'file:', "'unsafe-inline'"],
    ['style-src-elem', "'self'", 'file:', ...styles],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'file:', 'data:'],
    ['font-src', "'self'", 'file:'],
    ['connect-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'", 'file:'],
    ['form-action', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}
