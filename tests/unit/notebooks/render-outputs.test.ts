/** Stored outputs as the chapter shows them: each kind of output, and the static fallback of scripted ones. */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { NotebookOutput } from '../../../src/notebooks/notebook-json.js';
import { withoutSvgScripts } from '../../../src/notebooks/output-images.js';
import { renderOutputs } from '../../../src/notebooks/render-outputs.js';

const options = { cellNumber: 4, imageUrl: (image: { name: string }) => `/base/_notebook/${image.name}` };

/** A 3×2 PNG: signature, IHDR and an (invalid but irrelevant) IDAT, enough for the header to be read. */
function tinyPng(): string {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(3, 8);
  ihdr.writeUInt32BE(2, 12);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, deflateSync(Buffer.alloc(4))]).toString('base64');
}

const html = (outputs: NotebookOutput[], extra = {}) => renderOutputs(outputs, { ...options, ...extra }).chunks.map((chunk) => (chunk.kind === 'html' ? chunk.html : chunk.text));

describe('renderOutputs', () => {
  it('should show stream output as one block per run of a stream, a carriage return overwriting its line', () => {
    expect(html([
      { output_type: 'stream', name: 'stdout', text: ['10%\r50%\r100%\n'] },
      { output_type: 'stream', name: 'stdout', text: 'done <ok>\n' },
      { output_type: 'stream', name: 'stderr', text: 'warned\n' },
    ])).toEqual([
      '<pre class="nb-output nb-output-stream nb-output-stdout">100%\ndone &lt;ok&gt;</pre>',
      '<pre class="nb-output nb-output-stream nb-output-stderr">warned</pre>',
    ]);
  });

  it('should leave out stderr when asked (tag remove-stderr)', () => {
    expect(html([{ output_type: 'stream', name: 'stderr', text: 'warned\n' }], { removeStderr: true })).toEqual([]);
  });

  it('should show an error with its traceback, ANSI colours stripped', () => {
    expect(html([{ output_type: 'error', ename: 'KeyError', evalue: "'x'", traceback: ['\u001b[0;31mKeyError\u001b[0m: \'x\''] }])).toEqual([
      '<pre class="nb-output nb-output-error" data-ename="KeyError">KeyError: \'x\'</pre>',
    ]);
  });

  it('should prefer HTML over text, and an image over its text description', () => {
    expect(html([{ output_type: 'execute_result', data: { 'text/html': '<b>bold</b>', 'text/plain': 'bold' } }])[0]).toBe(
      '<div class="nb-output nb-output-html" role="region" aria-label="Output of cell 4" tabindex="0"><b>bold</b></div>',
    );
    const rendered = renderOutputs([{ output_type: 'display_data', data: { 'image/png': tinyPng(), 'text/plain': '<Figure>' } }], options);
    const image = rendered.images[0];
    expect(image?.name).toMatch(/^[0-9a-f]{16}\.png$/);
    expect(rendered.chunks).toEqual([{ kind: 'html', html: `<div class="nb-output nb-output-image"><img src="/base/_notebook/${image?.name}" alt="Image output of code cell 4" width="3" height="2" loading="lazy" decoding="async"></div>` }]);
  });

  it('should label each HTML output region uniquely on the page', () => {
    const outputs = html([{ output_type: 'display_data', data: { 'text/html': '<p>a</p>' } }, { output_type: 'display_data', data: { 'text/html': '<p>b</p>' } }]);
    expect(outputs.map((output) => /aria-label="([^"]*)"/.exec(output)?.[1])).toEqual(['Output of cell 4', 'Output 2 of cell 4']);
  });

  it('should write an SVG as an image file and use the alt text given', () => {
    const rendered = renderOutputs([{ output_type: 'display_data', data: { 'image/svg+xml': ['<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'] } }], { ...options, alt: 'A chart' });
    expect(rendered.images[0]?.name).toMatch(/\.svg$/);
    // What could run if the file were opened by itself is gone.
    expect(rendered.images[0]?.bytes.toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(rendered.chunks[0]).toMatchObject({ kind: 'html', html: expect.stringContaining('alt="A chart"') });
  });

  it('should render LaTeX as display math and Markdown as Markdown, for the pipeline to typeset', () => {
    expect(html([{ output_type: 'execute_result', data: { 'text/latex': '$\\displaystyle \\frac{1}{2}$', 'text/plain': '1/2' } }])).toEqual(['$$\n\\displaystyle \\frac{1}{2}\n$$']);
    expect(html([{ output_type: 'display_data', data: { 'text/markdown': '**Note** {cite:p}`k`\n' } }])).toEqual(['**Note** {cite:p}`k`']);
  });

  it('should show a scripted HTML output as its richest static representation, with a note and a warning', () => {
    const rendered = renderOutputs([{ output_type: 'display_data', data: { 'text/html': '<div></div><script>draw()</script>', 'image/png': tinyPng(), 'text/plain': 'Chart' } }], options);
    expect(rendered.chunks.map((chunk) => (chunk.kind === 'html' ? chunk.html : '')).join('\n')).toMatch(/^<p class="nb-output-note" role="note">Interactive output: shown here as static PNG image; .*\n<div class="nb-output nb-output-image"><img/);
    expect(rendered.warnings).toEqual([expect.stringMatching(/^Output 1 needs a script to display \(text\/html with <script>\), which the book does not run; shown as its static PNG image/)]);
  });

  it('should show a widget as its text, and say so when it has nothing static', () => {
    const widget = { output_type: 'display_data', data: { 'application/vnd.jupyter.widget-view+json': { model_id: 'm' }, 'text/plain': 'IntSlider(value=3)' } };
    expect(html([widget])[1]).toBe('<pre class="nb-output nb-output-text">IntSlider(value=3)</pre>');
    const bare = renderOutputs([{ output_type: 'display_data', data: { 'application/vnd.plotly.v1+json': {} } }], options);
    expect(bare.chunks).toEqual([{ kind: 'html', html: expect.stringContaining('Interactive output: not shown here') }]);
    expect(bare.warnings[0]).toMatch(/application\/vnd\.plotly\.v1\+json.*it has no static representation to show/);
  });
});

describe('withoutSvgScripts', () => {
  it('should remove scripts, foreign objects, event handlers and links out of the site, and keep the drawing', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="a()"><script type="text/javascript">b()</script><foreignObject><p>html</p></foreignObject><a href="javascript:c()"><rect onclick=\'d()\' width="2"/></a><image href="https://t.example/x.png"/><use href="#m"/></svg>';
    expect(withoutSvgScripts(svg)).toBe('<svg xmlns="http://www.w3.org/2000/svg"><a><rect width="2"/></a><image/><use href="#m"/></svg>');
  });
});
