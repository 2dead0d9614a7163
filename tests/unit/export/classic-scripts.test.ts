/**
 * Module scripts of a built page become classic deferred scripts for file://: the tags, and a real
 * esbuild re-bundle of an entry with a shared chunk and a dynamic import into one IIFE file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bundleClassicScripts, classicScriptTags, moduleScriptSources } from '../../../src/export/classic-scripts.js';
import { makeTempDir } from '../../support/temp-dir.js';

describe('classicScriptTags', () => {
  it('should turn external module scripts into deferred classic ones and leave the rest', () => {
    const html = '<script>boot()</script><script type="module" src="/_astro/a.js"></script><script src="/redirect.js"></script>';
    expect(moduleScriptSources(html)).toEqual(['/_astro/a.js']);
    expect(classicScriptTags(html)).toBe('<script>boot()</script><script defer src="/_astro/a.js"></script><script src="/redirect.js"></script>');
  });
});

describe('bundleClassicScripts', () => {
  it('should inline chunks and dynamic imports into one classic script, and delete the chunks', async () => {
    const root = makeTempDir('classic-scripts-');
    mkdirSync(path.join(root, '_astro'));
    writeFileSync(path.join(root, '_astro/shared.js'), 'export const greet = (name) => `hello ${name}`;');
    writeFileSync(path.join(root, '_astro/later.js'), 'import { greet } from "./shared.js"; export const later = () => greet("later");');
    writeFileSync(path.join(root, '_astro/entry.js'), 'import { greet } from "./shared.js"; globalThis.out = [greet("now")]; import("./later.js").then((m) => globalThis.out.push(m.later()));');
    const sizes = await bundleClassicScripts(root, ['/_astro/entry.js', '/_astro/entry.js']);
    expect([...sizes.keys()]).toEqual(['/_astro/entry.js']);
    const bundle = readFileSync(path.join(root, '_astro/entry.js'), 'utf8');
    expect(bundle).not.toMatch(/\bimport\s*[({]|\bexport\b/);
    expect(existsSync(path.join(root, '_astro/shared.js'))).toBe(false);
    expect(existsSync(path.join(root, '_astro/later.js'))).toBe(false);
    // It runs as a classic script, the dynamic import included.
    const sandbox: { out?: string[] } = {};
    runInNewContext(bundle, sandbox);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sandbox.out).toEqual(['hello now', 'hello later']);
  });
});
