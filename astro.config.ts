import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { bookPaths } from './src/book/book-paths.js';
import { bookPipelineOptions } from './src/book/pipeline-options.js';
import bookIntegration from './src/integrations/book.js';
import { bookRehypePlugins, bookRemarkPlugins } from './src/markdown/pipeline.js';

// Sub-path deployment: `BASE=/course/rai/ npm run build` builds a site that lives under that path.
const base = normalizeBase(process.env.BASE ?? '/');
const paths = bookPaths();
const pipeline = bookPipelineOptions(paths, base);

export default defineConfig({
  base,
  trailingSlash: 'always',
  // Tests build fixture books (BOOK_ROOT) into their own folders, with their own caches.
  outDir: process.env.BOOK_OUT_DIR ?? './dist',
  cacheDir: process.env.BOOK_CACHE_DIR ?? './node_modules/.astro',
  publicDir: paths.public,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Vite inlines small bundled scripts into the page; the Content-Security-Policy allows inline
  // scripts only by hash, so every bundled script stays an external file.
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    processor: unified({
      remarkPlugins: bookRemarkPlugins(pipeline),
      rehypePlugins: bookRehypePlugins(),
    }),
  },
  integrations: [bookIntegration(), mdx()],
});

function normalizeBase(value: string): string {
  const trimmed = value.trim().replace(/^\/*/, '/').replace(/\/*$/, '/');
  return trimmed === '//' ? '/' : trimmed;
}
