/** HTML outputs keep their static content (tables whole) and lose scripts, handlers and requests to other hosts. */
import { describe, expect, it } from 'vitest';
import { sanitizeOutputHtml } from '../../../src/notebooks/sanitize-output-html.js';

describe('sanitizeOutputHtml', () => {
  it('should keep a pandas table whole, with its spans, its <style> applied to it (no stray CSS text)', () => {
    const result = sanitizeOutputHtml('<div>\n<style scoped>\n  .dataframe thead th { text-align: right; }\n</style>\n<table border="1" class="dataframe">\n <thead><tr><th colspan="2">g</th></tr></thead>\n <tbody><tr><td>1</td><td>2</td></tr></tbody>\n</table>\n</div>');
    expect(result.html).toBe('<div><table class="dataframe"><thead><tr><th colspan="2" style="text-align: right">g</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>');
    expect(result.hasScript).toBe(false);
    expect(result.removed).toEqual([]);
  });

  it('should remove scripts with their text and report that the output had one', () => {
    const result = sanitizeOutputHtml('<div id="c">static</div><script>alert(1)</script>');
    // The id goes too: an output's ids are not anchors of the chapter.
    expect(result.html).toBe('<div>static</div>');
    expect(result.hasScript).toBe(true);
  });

  it('should remove event handlers, frames and images from other hosts, naming them', () => {
    const result = sanitizeOutputHtml('<p onclick="x()">text</p><iframe src="https://t.example/"></iframe><img src="https://t.example/p.png" alt="p"><img src="data:image/png;base64,AAAA" alt="ok">');
    expect(result.html).toBe('<p>text</p><img src="data:image/png;base64,AAAA" alt="ok">');
    expect(result.removed).toEqual(['event handlers', '`<iframe>`', 'images from other hosts']);
  });

  it('should keep spaces between inline elements and turn headings into paragraphs', () => {
    const result = sanitizeOutputHtml('<h2>Summary</h2><p><b>a</b> <i>b</i></p>');
    expect(result.html).toBe('<p class="nb-output-heading nb-output-h2">Summary</p><p><b>a</b> <i>b</i></p>');
  });

  it('should drop style attributes that load a URL', () => {
    const result = sanitizeOutputHtml('<p style="background: url(https://t.example/x)">1</p><span style="color: red">r</span>');
    expect(result.html).toBe('<p>1</p><span style="color: red">r</span>');
    expect(result.removed).toContain('style attributes with `url(…)`');
  });
});
