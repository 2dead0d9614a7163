/** An output's stylesheet is scoped to the output; what could reach outside it is dropped and named. */
import { describe, expect, it } from 'vitest';
import { scopeCss } from '../../../src/notebooks/scope-css.js';

describe('scopeCss', () => {
  it('should prefix every selector of a list with the scope', () => {
    expect(scopeCss('.dataframe tbody tr th, .dataframe thead th { text-align: right; }', '.s').css).toBe('.s .dataframe tbody tr th,.s .dataframe thead th{text-align: right}');
  });

  it('should keep commas inside :is() and scope rules inside @media', () => {
    expect(scopeCss('@media (max-width: 30em) { :is(td, th) { padding: 0 } }', '.s').css).toBe('@media (max-width: 30em){.s :is(td, th){padding: 0}}');
  });

  it('should turn :root, html and body into the scope itself', () => {
    expect(scopeCss('body { color: red } :root .x { margin: 0 }', '.s').css).toBe('.s{color: red}.s .x{margin: 0}');
  });

  it('should drop @import, @font-face and url() declarations, saying so', () => {
    const scoped = scopeCss('@import url(https://fonts.example/x.css); @font-face { font-family: X; src: url(x.woff) } td { background: url(https://t.example/p.png); color: blue }', '.s');
    expect(scoped.css).toBe('.s td{color: blue}');
    expect(scoped.dropped).toEqual(['`@import`', '`@font-face`', 'declarations with `url(…)`']);
  });
});
