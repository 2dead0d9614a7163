/**
 * Build step: put the Content-Security-Policy on every page of the output (a `<meta>` tag, with the
 * hashes of that page's inline styles) and write the `_headers` file that sends it as a header where
 * the host supports one (with the hashes of every page's). A page with an inline
 * script the policy does not allow stops the build, naming the page and the script's position: the
 * browser would block that script, so shipping it would break the page silently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { VFile } from 'vfile';
import { summarizeDiagnostics } from '../diagnostics/report.js';
import { RuleId } from '../diagnostics/rule-ids.js';
import { contentSecurityPolicy, headersFile, refusedScripts, styleHashes, withPolicyMeta } from '../security/content-security-policy.js';
import { listFiles } from './built-site.js';
import { BuildProblems } from './build-failure.js';
import { replaceFile } from './replace-file.js';

/** Apply the policy to every HTML file in `outDir`; throws once every refused script is listed. */
export function applyContentSecurityPolicy(outDir: string, logger: AstroIntegrationLogger): void {
  const pages = listFiles(outDir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, html: readFileSync(path.join(outDir, file), 'utf8') }));
  const files = pages.map(({ file, html }) => checkInlineScripts(path.join(path.basename(outDir), file), html));
  const summary = summarizeDiagnostics(files);
  if (summary.errors.length > 0) {
    for (const line of summary.errors) logger.error(line);
    throw new BuildProblems(`${summary.errors.length} inline script(s) would be blocked by the Content-Security-Policy, listed above with page:line:col.`);
  }
  // Each page's `<meta>` allows its own inline styles only: a hash is 52 bytes that do not compress, and
  // the book's distinct inline stylesheets (KaTeX's, each widget's, notebooks') would add half a KB to
  // every page. The header, one for the whole site, allows them all (a browser applies both policies).
  // In one step per page: the search indexer may be reading them meanwhile (replace-file.ts).
  for (const { file, html } of pages) replaceFile(path.join(outDir, file), withPolicyMeta(html, contentSecurityPolicy({ styleHashes: styleHashes(html) })));
  const styles = pages.flatMap(({ html }) => styleHashes(html));
  writeFileSync(path.join(outDir, '_headers'), headersFile(contentSecurityPolicy({ styleHashes: styles, header: true })));
  logger.info(`Content-Security-Policy: on ${pages.length} page(s), and in _headers`);
}

/** A message for each inline script of a built page that the policy refuses. */
export function checkInlineScripts(displayPath: string, html: string): VFile {
  const file = new VFile({ path: displayPath, value: html });
  for (const script of refusedScripts(html)) {
    const place = positionOf(html, script.offset);
    const excerpt = script.text.trim().replace(/\s+/g, ' ').slice(0, 60);
    const reason =
      `Inline script \`${excerpt}\` is not allowed by the Content-Security-Policy, so browsers would block it. ` +
      'Move the code into a component `<script>` (Astro bundles it into a file the policy allows), or, if it must run before first paint, ' +
      'add its exact text to ALLOWED_INLINE_SCRIPTS in src/security/content-security-policy.ts.';
    file.message(reason, { place, ruleId: RuleId.cspInlineScript, source: 'book' }).fatal = true;
  }
  return file;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
