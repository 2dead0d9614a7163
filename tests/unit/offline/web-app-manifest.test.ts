/** The web app manifest: start URL and scope follow the base, colours come from the stylesheet, icons that exist. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lightColour, shortName, webAppManifest } from '../../../src/offline/web-app-manifest.js';
import { makeTempDir } from '../../support/temp-dir.js';

const CSS = ':root {\n  --bg: light-dark(#fdfdfb, #16171b);\n  --accent: light-dark(#1d4ed8, #8ab4ff);\n}';

describe('the web app manifest', () => {
  it('should follow the base path and list only the icons the book ships', () => {
    const publicDir = makeTempDir('manifest-public-');
    mkdirSync(path.join(publicDir, 'icons'));
    writeFileSync(path.join(publicDir, 'icons/icon-192.png'), '');
    const manifest = webAppManifest({ title: 'A Book on Things', language: 'de', base: '/course/rai/', css: CSS, publicDir });
    expect(manifest).toMatchObject({ name: 'A Book on Things', short_name: 'A Book on', lang: 'de', start_url: '/course/rai/', scope: '/course/rai/', background_color: '#fdfdfb', theme_color: '#1d4ed8' });
    expect(manifest.icons).toEqual([{ src: '/course/rai/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' }]);
  });

  it('should shorten the name at a word within 15 characters', () => {
    expect(shortName('Responsible AI for Data Scientists')).toBe('Responsible AI');
    expect(shortName('Incomprehensibilities')).toBe('Incomprehensibi');
  });

  it('should name the variable when the stylesheet lacks a colour', () => {
    expect(lightColour('--accent: #123456;', '--accent')).toBe('#123456');
    expect(() => lightColour(CSS, '--brand')).toThrow("The book's stylesheet declares no colour --brand");
  });
});
