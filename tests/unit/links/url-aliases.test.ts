/**
 * The aliases file, content/redirects.yaml: `old -> new` lines parse into page and anchor aliases,
 * chapter targets by id; every malformed line is a positioned error, all of them reported.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseUrlAliases } from '../../../src/integrations/url-aliases.js';

const parse = (source: string) => parseUrlAliases(source, new VFile({ path: 'content/redirects.yaml' }));
const errors = (file: VFile) => file.messages.map((message) => `${message.line}:${message.column} ${message.reason} [${message.ruleId}]`);

describe('parseUrlAliases', () => {
  it('should read pages, anchors and chapters by id', () => {
    const { aliases, file } = parse(
      [
        '# comment',
        '- content/4-1-GenAI.html -> {doc}`4-1-genai`',
        '- old-slug/ -> new-slug/   # trailing comment',
        '- measuring-fairness/#old -> measuring-fairness/#new',
        '- a/#x -> {doc}`1-3-mitigation`#mitigation-pre',
        '- content/resources.html -> ./',
      ].join('\n'),
    );
    expect(file.messages).toEqual([]);
    expect(aliases.map(({ fromPage, fromAnchor, to, toAnchor }) => ({ fromPage, fromAnchor, to, toAnchor }))).toEqual([
      { fromPage: 'content/4-1-GenAI.html', fromAnchor: undefined, to: { chapter: '4-1-genai' }, toAnchor: undefined },
      { fromPage: 'old-slug/', fromAnchor: undefined, to: { page: 'new-slug/' }, toAnchor: undefined },
      { fromPage: 'measuring-fairness/', fromAnchor: 'old', to: { page: 'measuring-fairness/' }, toAnchor: 'new' },
      { fromPage: 'a/', fromAnchor: 'x', to: { chapter: '1-3-mitigation' }, toAnchor: 'mitigation-pre' },
      { fromPage: 'content/resources.html', fromAnchor: undefined, to: { page: './' }, toAnchor: undefined },
    ]);
    expect(aliases[1]?.place).toEqual({ line: 3, column: 3 });
  });

  it('should accept an empty file', () => {
    expect(parse('# nothing yet\n').aliases).toEqual([]);
  });

  it('should report every malformed line with its position', () => {
    const { aliases, file } = parse(
      ['- old-slug/ new-slug/', '- /old/ -> new/', '- old/ -> https://example.org/', '- ../up/ -> new/', '- a/ -> b/', '- a/ -> c/', '- x.html -> new-slug'].join('\n'),
    );
    expect(aliases.map((alias) => alias.fromPage)).toEqual(['a/']);
    expect(errors(file)).toEqual([
      '1:3 Expected `old -> new`, e.g. `old-slug/ -> new-slug/`, found `old-slug/ new-slug/` [redirect-valid]',
      "2:3 `/old/` is not an old URL: write a page relative to the site's base (`old-slug/`, `content/old.html`), optionally with `#anchor`, without a leading `/` [redirect-valid]",
      "3:3 `https://example.org/` is not a new URL: write a page relative to the site's base (`new-slug/`, `./` for the home page), optionally with `#anchor`, or a chapter as `{doc}`chapter-id`` [redirect-valid]",
      "4:3 `../up/` is not an old URL: write a page relative to the site's base (`old-slug/`, `content/old.html`), optionally with `#anchor`, without a leading `/` [redirect-valid]",
      '6:3 `a/` already has an alias at line 5: keep one [redirect-valid]',
      "7:3 `new-slug` is not a new URL: write a page relative to the site's base (`new-slug/`, `./` for the home page), optionally with `#anchor`, or a chapter as `{doc}`chapter-id`` [redirect-valid]",
    ]);
    expect(file.messages.every((message) => message.fatal === true)).toBe(true);
  });

  it('should report a file that is not a list, and invalid YAML', () => {
    expect(errors(parse('old/: new/\n').file)).toEqual(['1:1 The aliases file is a YAML list of `old -> new` lines, e.g. `- old-slug/ -> new-slug/` [redirect-valid]']);
    expect(errors(parse('- a/ -> b/\n- "c/ -> d/\n').file)[0]).toMatch(/^\d+:\d+ Invalid YAML: Missing closing "quote/);
  });
});
