/**
 * `@citation-js/plugin-ris` ships no types: its output format, declared as plugin-bibtex declares its own
 * (the 0.8 plugin works with core 0.9; package.json's `overrides` lets npm accept its older peer range).
 */
import '@citation-js/core';

declare module '@citation-js/core' {
  namespace plugins {
    namespace output {
      interface Formats {
        ris: (options?: { format?: string }) => string;
      }
    }
  }
}
