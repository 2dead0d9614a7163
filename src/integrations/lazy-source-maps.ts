/**
 * Dev only: the server's module runner maps stack traces when an error's stack is read, instead of
 * having Node parse every evaluated module's source map up front.
 *
 * Vite's default for a server environment is Node's own source-map support
 * (`process.setSourceMapsEnabled(true)`): Node then decodes and parses the inline map of each module as
 * it is evaluated. A chapter's compiled module is large (a formula-heavy chapter is hundreds of KB of
 * HTML in strings, with a map to match) and is evaluated again on every save, so that parse was a
 * sizeable part of the time from a save to the page served. Vite's `prepareStackTrace` interceptor
 * reads the same maps only for errors, so traces still point into the sources.
 *
 * And a chapter's compiled module gets no source map at all: Astro compiles MDX without one (a trace
 * cannot point into the `.mdx` either way), yet Vite would still build one for its SSR rewrite of the
 * module, on every save (about 15 ms for 1.2 "Measuring Fairness"). An empty map (`mappings: ''`) is
 * Vite's way to say there is none. A trace through a chapter still names the chapter's file.
 */
import type { Plugin } from 'vite';
import { createRunnableDevEnvironment } from 'vite';

export function lazySourceMaps(): Plugin {
  return {
    name: 'book-lazy-source-maps',
    apply: 'serve',
    configEnvironment(name, options) {
      // Server environments only, and only those whose creation nobody else has chosen.
      if (name === 'client' || options.consumer === 'client' || options.dev?.createEnvironment) return;
      return {
        dev: {
          createEnvironment: (environmentName, config) =>
            createRunnableDevEnvironment(environmentName, config, { runnerOptions: { sourcemapInterceptor: 'prepareStackTrace' } }),
        },
      };
    },
    transform: {
      filter: { id: /\.mdx$/ },
      handler: (code) => ({ code, map: { mappings: '' } }),
    },
  };
}
