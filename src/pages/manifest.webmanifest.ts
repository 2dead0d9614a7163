/** The web app manifest, written at build time so that its start URL and scope follow the base path. */
import type { APIRoute } from 'astro';
import { loadBookConfig } from '../book/book-config.js';
import { getBookModel } from '../book/book-model-cache.js';
import { webAppManifest } from '../offline/web-app-manifest.js';
import css from '../styles/book.css?raw';

export const GET: APIRoute = () => {
  const model = getBookModel();
  const manifest = webAppManifest({
    title: model.title,
    language: model.language,
    description: model.introduction,
    base: import.meta.env.BASE_URL,
    css,
    publicDir: loadBookConfig().paths.public,
  });
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json' } });
};
