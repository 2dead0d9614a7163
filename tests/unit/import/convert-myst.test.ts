import { describe, expect, it } from 'vitest';
import { convertMyst } from '../../../src/import/convert-myst.js';

describe('convertMyst', () => {
  it('should keep known roles and directives exactly as written', () => {
    const text = [
      '# Title',
      '',
      'See {cite:p}`a,b` and {cite:t}`c`, {doc}`1-1-intro`, {ref}`sec-x`, {numref}`fig-y`, {eq}`eq-z`, {term}`bias`.',
      '',
      '```{admonition} Checklist',
      ':class: dropdown',
      'Body with a footnote.[^1] and {cite:p}`d`',
      '```',
      '',
      ':::{note}',
      'Colon fence.',
      ':::',
      '',
      '```{figure} ../images/x.png',
      ':name: fig-y',
      'Caption.',
      '```',
    ].join('\n');
    const result = convertMyst(text);
    expect(result.text).toBe(text);
    expect(result.findings).toEqual([]);
    expect(result.citationKeys).toEqual([
      { key: 'a', line: 3 },
      { key: 'b', line: 3 },
      { key: 'c', line: 3 },
      { key: 'd', line: 7 },
    ]);
    expect(result.docTargets).toEqual([{ target: '1-1-intro', line: 3 }]);
    expect(result.images).toEqual([{ path: '../images/x.png', line: 14 }]);
  });

  it('should turn a sphinx-exercise `{solution}` into a dropdown titled Solution, which a graded edition takes as an answer', () => {
    const text = ['### Exercise 1', '', 'Q?', '', '````{solution} ex-1', ':label: sol-1', ':class: dropdown', 'It is {cite:p}`a`.', '````', 'After.'].join('\n');
    const result = convertMyst(text);
    expect(result.text).toBe(['### Exercise 1', '', 'Q?', '', '````{dropdown} Solution', ':name: sol-1', 'It is {cite:p}`a`.', '````', 'After.'].join('\n'));
    expect(result.citationKeys).toEqual([{ key: 'a', line: 8 }]);
    expect(result.findings).toEqual([
      { line: 5, construct: 'directive `{solution}`', action: 'converted to a `{dropdown} Solution` (an answer: a graded edition leaves it out); its other options dropped', unsupported: false },
    ]);
  });

  it('should wrap an unknown directive in a visible warning that shows the original, and list it', () => {
    const text = 'Before.\n\n```{glue:figure} chart\n:figwidth: 300px\nCaption.\n```\n\nAfter.';
    const result = convertMyst(text);
    expect(result.findings).toEqual([
      { line: 3, construct: 'directive `{glue:figure}`', action: 'kept visibly: wrapped in a "Not converted" warning showing the original', unsupported: true },
    ]);
    expect(result.text).toBe(
      [
        'Before.',
        '',
        '~~~~{warning} Not converted: `{glue:figure}`',
        'This site has no `{glue:figure}` directive: the import kept it below as the author wrote it (see import-report.md).',
        '',
        '~~~text',
        '```{glue:figure} chart',
        ':figwidth: 300px',
        'Caption.',
        '```',
        '~~~',
        '~~~~',
        '',
        'After.',
      ].join('\n'),
    );
  });

  it('should wrap an unknown directive nested in a known one without closing the outer fence', () => {
    const text = '````{note}\nIntro.\n\n```{tabbed} Tab\nContent.\n```\n````';
    const result = convertMyst(text);
    expect(result.findings.map((finding) => [finding.line, finding.construct])).toEqual([[4, 'directive `{tabbed}`']]);
    const lines = result.text.split('\n');
    expect(lines[0]).toBe('````{note}');
    expect(lines.at(-1)).toBe('````');
    // No line between them closes the outer four-backtick fence.
    expect(lines.slice(1, -1).some((line) => /^`{4,}\s*$/.test(line))).toBe(false);
  });

  it('should show an unknown role as inline code with its source, and list it', () => {
    const result = convertMyst('The gap is {glue:text}`gap_value` today.');
    expect(result.text).toBe('The gap is `` {glue:text}`gap_value` `` today.');
    expect(result.findings).toEqual([{ line: 1, construct: 'role `{glue:text}`', action: 'kept visibly: shown as inline code with its source', unsupported: true }]);
  });

  it('should leave code blocks and inline code alone', () => {
    const text = '```python\nx = "{glue:text}`v`"\n```{tabbed}\n```\n\nUse `{glue}` or ``{glue:text}`x` `` in text.';
    const result = convertMyst(text);
    expect(result.text).toBe(text);
    expect(result.findings).toEqual([]);
  });

  it('should rewrite a {doc} path to the chapter id the resolver gives, keeping custom text', () => {
    const result = convertMyst('See {doc}`../part/intro` and {doc}`the audit </content/1-1-Audit>`.', {
      resolveDoc: (target) => ({ '../part/intro': 'intro', '/content/1-1-Audit': '1-1-Audit' })[target],
    });
    expect(result.text).toBe('See {doc}`intro` and {doc}`the audit <1-1-Audit>`.');
    expect(result.docTargets.map((doc) => doc.target)).toEqual(['intro', '1-1-Audit']);
    expect(result.findings.map((finding) => finding.action)).toEqual(['rewritten to the chapter id `intro`', 'rewritten to the chapter id `1-1-Audit`']);
  });

  it('should turn a {math} role into inline math', () => {
    expect(convertMyst('Let {math}`x^2` be.').text).toBe('Let $x^2$ be.');
  });

  it('should record Markdown and HTML images, not web addresses', () => {
    const result = convertMyst('![a](img/a.png) <img src="../b.svg" alt=""> ![c](https://example.org/c.png) ![d](/abs/d.png)');
    expect(result.images.map((image) => image.path)).toEqual(['img/a.png', '/abs/d.png', '../b.svg']);
  });
});

describe('convertMyst on directives with a Markdown equivalent', () => {
  it('should keep a {math} directive as written (the site has it), without reading its LaTeX as roles', () => {
    const text = '```{math}\n:label: eq-gap\n\\text{x}`y` = a - b\n```';
    expect(convertMyst(text)).toMatchObject({ text, findings: [] });
  });

  it('should turn {code-block} into a fenced code block, naming the options it drops', () => {
    const result = convertMyst('```{code-block} python\n:linenos:\nprint("{glue}`x`")\n```');
    expect(result.text).toBe('```python\nprint("{glue}`x`")\n```');
    expect(result.findings.map((finding) => finding.action)).toEqual(['converted to a fenced code block in `python`; option `:linenos:` dropped (no equivalent)']);
  });

  it('should turn {image} into a Markdown image with its alt text, and record the image', () => {
    const result = convertMyst('```{image} ../images/a.png\n:alt: Two bars\n:width: 200px\n```');
    expect(result.text).toBe('![Two bars](../images/a.png)');
    expect(result.images).toEqual([{ path: '../images/a.png', line: 1 }]);
    expect(result.findings.map((finding) => finding.action)).toEqual(['converted to a Markdown image; option `:width:` dropped (no equivalent)']);
  });
});
