import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { loadBookConfig } from './src/book/book-config.js';
import { bookPipelineOptions } from './src/book/pipeline-options.js';
import bookIntegration from './src/integrations/book.js';
import { quietBuildWarnings } from './src/integrations/quiet-build-warnings.js';
import { bookRehypePlugins, bookRemarkPlugins } from './src/markdown/pipeline.js';

// The book's settings (content/book.yaml, validated once; `BASE=/course/rai/ npm run build` overrides
// its base path). An invalid file yields defaults here: the content check lists its errors and fails the build.
const config = loadBookConfig();
const paths = config.paths;
const pipeline = bookPipelineOptions(config);

export default defineConfig({
  base: config.base,
  ...(config.siteUrl ? { site: config.siteUrl } : {}),
  trailingSlash: 'always',
  // Tests build fixture books (BOOK_ROOT) into their own folders, with their own caches.
  outDir: process.env.BOOK_OUT_DIR ?? './dist',
  cacheDir: process.env.BOOK_CACHE_DIR ?? './node_modules/.astro',
  publicDir: paths.public,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Vite inlines small bundled scripts into the page; the Content-Security-Policy allows inline
  // scripts only by hash, so every bundled script stays an external file. Bundler warnings an author
  // cannot act on are silenced by code (src/integrations/quiet-build-warnings.ts).
  vite: { build: { assetsInlineLimit: 0, rolldownOptions: { onLog: quietBuildWarnings } } },
  markdown: {
    // Code blocks (notebook cells above all) follow the page's theme through CSS light-dark(), with
    // GitHub's high-contrast themes: the normal ones' comments fall below WCAG AA contrast.
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' }, defaultColor: 'light-dark()' },
    processor: unified({
      // Smart punctuation as Astro's `smartypants` does it, at the same place (first after GFM), done
      // faster by the book's own plugin, the first of the structural ones (src/markdown/pipeline.ts).
      smartypants: false,
      remarkPlugins: bookRemarkPlugins(pipeline),
      rehypePlugins: bookRehypePlugins(pipeline),
    }),
  },
  integrations: [bookIntegration(), mdx({ optimize: true })],
});
