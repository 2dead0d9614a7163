/** Each chapter's citation files, `<slug>/cite.bib` and `<slug>/cite.ris` (src/bibliography/cite-files.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBookModel } from '../../book/book-model-cache.js';
import { CITE_FILE_FORMATS, type CiteFileFormat, citationOf, citeFileResponse } from '../../bibliography/cite-files.js';

export const getStaticPaths = (() => {
  const chapters = getBookModel().chapters.filter((chapter) => !chapter.planned && chapter.slug);
  return chapters.flatMap((chapter) => Object.keys(CITE_FILE_FORMATS).map((format) => ({ params: { slug: chapter.slug, format }, props: { chapter } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => citeFileResponse(citationOf(props.chapter), params.format as CiteFileFormat);
