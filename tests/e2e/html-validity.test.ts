/**
 * Validity gate: html-validate (standards-conformance rules, tests/html-validate.config.ts) on every
 * page of the built book, the sub-path build and the sample book: no error, no duplicate id. A failure
 * names the page, the line and column, and the rule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { HTML_VALIDATE_CONFIG } from '../html-validate.config.js';
import { builtPages } from '../support/built-pages.js';
import { tamperedSite } from '../support/tampered-site.js';

const validator = new HtmlValidate(HTML_VALIDATE_CONFIG);

/** Every validation error of every page of the site in `dir`, one line each. */
async function validationErrors(dir: string): Promise<string[]> {
  const errors: string[] = [];
  for (const page of builtPages(dir)) {
    const report = await validator.validateString(readFileSync(path.join(dir, page.file), 'utf8'), page.file);
    for (const result of report.results) {
      for (const message of result.messages) errors.push(`${page.file}:${message.line}:${message.column}  ${message.message}  [${message.ruleId}]`);
    }
  }
  return errors;
}

describe('HTML validity', () => {
  it('should find no error on any page of the book', async () => {
    expect(builtPages(inject('bookDir')).length).toBeGreaterThan(20);
    expect(await validationErrors(inject('bookDir'))).toEqual([]);
  });

  it('should find no error on any page of the sub-path build and of the sample book', async () => {
    expect(await validationErrors(inject('subPathDir'))).toEqual([]);
    expect(await validationErrors(inject('sampleDir'))).toEqual([]);
  });

  it('should name the page, the position and the rule of a duplicate id', async () => {
    const site = tamperedSite(inject('bookDir'), {
      'generative-ai/index.html': (html) => html.replace('<main', '<p id="main">a second element with the skip link’s target id</p><main'),
    });
    const errors = await validationErrors(site);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^generative-ai\/index\.html:\d+:\d+ {2}Duplicate ID "main" {2}\[no-dup-id\]$/);
  });

  it('should report invalid nesting, as a button inside a link', async () => {
    const site = tamperedSite(inject('bookDir'), {
      'bibliography/index.html': (html) => html.replace('</main>', '<a href="#main"><button type="button">nested</button></a></main>'),
    });
    const errors = await validationErrors(site);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.startsWith('bibliography/index.html:'))).toBe(true);
  });
});
