/** The book's citation files, `cite.bib` and `cite.ris` (src/bibliography/cite-files.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CITE_FILE_FORMATS, type CiteFileFormat, citationOf, citeFileResponse } from '../bibliography/cite-files.js';

export const getStaticPaths = (() => Object.keys(CITE_FILE_FORMATS).map((format) => ({ params: { format } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => citeFileResponse(citationOf(), params.format as CiteFileFormat);
