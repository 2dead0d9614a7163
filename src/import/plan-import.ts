/**
 * Work out a whole import in memory, before anything is written: read `_toc.yml` and `_config.yml`,
 * convert every chapter and notebook, find the images and .bib files, and produce the files of the
 * target project (`content/book.yaml`, the chapters by part, images, `bib/references.bib`, the old
 * URLs' redirects) with the report. Any unreadable input throws an ImportError here, so a failed
 * import never leaves anything half-written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { type ChapterIdentity, type ConvertedChapter, convertMarkdownChapter } from './convert-chapter.js';
import { convertNotebook } from './convert-notebook.js';
import { ImportError } from './import-error.js';
import type { ImportReport, ReportItem } from './import-report.js';
import { mergeBibliographies } from './merge-bibliography.js';
import { type BookSettings, readBookConfig } from './read-config.js';
import { type TocChapter, readToc } from './read-toc.js';

/** A file to write: its path relative to the target project (forward slashes) and its content. */
export type PlannedFiles = Map<string, string | Buffer>;

export interface ImportPlan {
  files: PlannedFiles;
  /** Lines to add to `content/redirects.yaml` (merged with the target's own by writeBook). */
  redirects: string[];
  report: ImportReport;
}

/** A chapter of the plan: where it comes from and where it goes. */
interface PlannedChapter {
  entry: TocChapter;
  /** Absolute source path. */
  source: string;
  /** Relative to the book folder, forward slashes. */
  displayPath: string;
  /** The file's name without extension, as the author wrote it. */
  fileName: string;
  id: string;
  /** Relative to the target, e.g. `content/1-foundations/1-2-Audit.md`. */
  target: string;
  kind: 'markdown' | 'notebook';
  part: number;
}

const CHAPTER_EXTENSIONS = ['.md', '.ipynb'];
const OTHER_EXTENSIONS = ['.rst', '.myst', '.markdown', '.py'];

/** Plan the import of the Jupyter Book in `bookDir` (as the user named it: `sourceName`). */
export function planImport(bookDir: string, sourceName = bookDir): ImportPlan {
  if (!existsSync(bookDir) || !statSync(bookDir).isDirectory()) throw new ImportError('no such folder: give the folder of a Jupyter Book (the one with _toc.yml)', { file: sourceName });
  const tocPath = path.join(bookDir, '_toc.yml');
  if (!existsSync(tocPath)) throw new ImportError('this folder has no _toc.yml: give the folder of a Jupyter Book', { file: sourceName });
  const toc = readToc(tocPath, '_toc.yml');
  const configPath = path.join(bookDir, '_config.yml');
  const settings: BookSettings = existsSync(configPath) ? readBookConfig(configPath, '_config.yml') : { bibFiles: [], macros: {}, notCarried: [] };
  const items: ReportItem[] = [];
  const note = (item: ReportItem) => items.push(item);

  for (const tocNote of toc.notes) note({ file: '_toc.yml', line: tocNote.line, construct: tocNote.construct, action: tocNote.action, unresolved: tocNote.action.startsWith('not imported') });
  for (const setting of settings.notCarried) note({ file: '_config.yml', line: setting.line, construct: `setting \`${setting.key}\``, action: `not carried over: ${setting.why}`, unresolved: false });

  // Parts in order; the root (landing) file opens the first part, as the book's first chapter.
  const parts = toc.parts.length > 0 ? toc.parts.map((part) => ({ caption: part.caption, chapters: [...part.chapters] })) : [{ caption: undefined, chapters: [] as TocChapter[] }];
  parts[0]?.chapters.unshift(toc.root);
  note({ file: '_toc.yml', line: toc.root.line, construct: `root file \`${toc.root.file}\``, action: 'became the first chapter of the first part (the site\'s home page lists the contents)', unresolved: false });
  const partTitles = parts.map((part, index) => part.caption ?? (parts.length === 1 ? (settings.title ?? 'Chapters') : `Part ${index + 1}`));
  const partFolders = uniqueNames(partTitles.map((title, index) => `${index + 1}-${slugify(title) || 'part'}`));

  const chapters: PlannedChapter[] = [];
  const usedIds = new Map<string, string>();
  parts.forEach((part, partIndex) => {
    for (const entry of part.chapters) {
      const found = findChapterFile(bookDir, entry);
      const displayPath = toPosix(path.relative(bookDir, found));
      const extension = path.extname(found).toLowerCase();
      if (!CHAPTER_EXTENSIONS.includes(extension)) {
        note({ file: displayPath, construct: `a \`${extension}\` chapter`, action: 'not imported: only MyST Markdown (.md) and notebooks (.ipynb) are; convert it to .md and import again', unresolved: true });
        continue;
      }
      const fileName = path.basename(found, extension);
      // Ids are letters, digits and dashes; a file name is kept as the id when it is one (`4-1-GenAI`).
      let id = fileName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'chapter';
      if (id !== fileName) {
        note({ file: displayPath, construct: `chapter file name \`${fileName}\``, action: `given the id \`${id}\` (ids are letters, digits and dashes); {doc} links to it are rewritten`, unresolved: false });
      }
      if (usedIds.has(id)) {
        const original = id;
        id = slugify(toPosix(path.relative(bookDir, found)).replace(/\.[^.]+$/, '').replace(/\//g, '-')) || `${original}-2`;
        note({ file: displayPath, construct: `chapter id \`${original}\` (also \`${usedIds.get(original)}\`)`, action: `renamed \`${id}\`: chapter ids are unique in a book`, unresolved: false });
      }
      usedIds.set(id, displayPath);
      const target = `content/${partFolders[partIndex]}/${id}${extension}`;
      chapters.push({ entry, source: found, displayPath, fileName, id, target, kind: extension === '.ipynb' ? 'notebook' : 'markdown', part: partIndex });
    }
  });

  // {doc} targets written as paths (relative to the chapter, or from the book folder with `/`) name a chapter by id.
  const idBySource = new Map(chapters.map((chapter) => [chapter.source.replace(/\.[^./]+$/, ''), chapter.id]));
  const ids = new Set(chapters.map((chapter) => chapter.id));
  const idByFileName = new Map(chapters.map((chapter) => [chapter.fileName, chapter.id]));
  const resolverFor = (chapter: PlannedChapter) => (target: string) => {
    const bare = target.replace(/\.(md|ipynb)$/, '');
    const absolute = bare.startsWith('/') ? path.join(bookDir, bare) : path.resolve(path.dirname(chapter.source), bare);
    return idBySource.get(absolute) ?? (ids.has(bare) ? bare : idByFileName.get(bare));
  };

  const files: PlannedFiles = new Map();
  const summary = { parts: parts.length, chapters: chapters.length, notebooks: 0, outputs: 0, imageOutputs: 0, images: 0, citations: 0, citedWorks: 0, bibEntries: 0, redirects: 0 };
  const converted = new Map<PlannedChapter, ConvertedChapter>();
  for (const chapter of chapters) {
    const source = readFileSync(chapter.source, 'utf8');
    const identity: ChapterIdentity = { id: chapter.id, fallbackTitle: chapter.entry.title ?? titleFromFileName(chapter.id) };
    const options = { resolveDoc: resolverFor(chapter) };
    if (chapter.kind === 'notebook') {
      const notebook = convertNotebook(source, chapter.displayPath, identity, options);
      summary.notebooks++;
      summary.outputs += notebook.counts.outputs;
      summary.imageOutputs += notebook.counts.imageOutputs;
      converted.set(chapter, notebook);
    } else {
      converted.set(chapter, convertMarkdownChapter(source, chapter.displayPath, identity, options));
    }
    const result = converted.get(chapter) as ConvertedChapter;
    files.set(chapter.target, result.content);
    for (const finding of result.findings) {
      note({ file: chapter.displayPath, line: finding.line || undefined, cell: finding.cell, construct: finding.construct, action: finding.action, unresolved: finding.unsupported });
    }
    if (result.titleAdded !== undefined) {
      note({ file: chapter.displayPath, construct: 'no `# Heading` to take the title from', action: `given the title "${result.titleAdded}" (from the toc or the file name)`, unresolved: false });
    }
    if (chapter.entry.sectionOf) {
      note({ file: chapter.displayPath, construct: `section of \`${chapter.entry.sectionOf}\` in the toc`, action: 'imported as a chapter after it', unresolved: false });
    }
  }

  // Images: a relative path resolves from the chapter's new place as it did from the old one; a path
  // from the book folder (`/images/x.png`) is served from the site's public folder at the same path.
  const imageSources = new Map<string, string>();
  for (const [chapter, result] of converted) {
    for (const image of result.images) {
      const place = { file: chapter.displayPath, line: image.line || undefined, cell: (image as { cell?: number }).cell };
      const reference = decodeURI(image.path.split(/[?#]/)[0] ?? '');
      const source = reference.startsWith('/') ? path.join(bookDir, reference) : path.resolve(path.dirname(chapter.source), reference);
      const target = reference.startsWith('/') ? toPosix(path.join('public', reference)) : toPosix(path.normalize(path.join(path.dirname(chapter.target), reference)));
      if (!existsSync(source) || !statSync(source).isFile()) {
        note({ ...place, construct: `image \`${image.path}\``, action: 'not found in the book folder: the chapter still names it; add the file', unresolved: true });
        continue;
      }
      if (!target.startsWith('content/') && !target.startsWith('public/')) {
        note({ ...place, construct: `image \`${image.path}\``, action: 'not copied: from the chapter\'s new place this path leads outside content/; move the image next to the chapter and change the path', unresolved: true });
        continue;
      }
      const previous = imageSources.get(target);
      if (previous !== undefined && previous !== source) {
        note({ ...place, construct: `image \`${image.path}\``, action: `not copied: \`${target}\` already holds another image (${toPosix(path.relative(bookDir, previous))})`, unresolved: true });
        continue;
      }
      if (previous === undefined) {
        imageSources.set(target, source);
        files.set(target, readFileSync(source));
      }
    }
  }
  summary.images = imageSources.size;

  // The bibliography: the configured .bib files merged into bib/references.bib.
  const bibSources = settings.bibFiles.map((file) => {
    const absolute = path.join(bookDir, file);
    if (!existsSync(absolute)) throw new ImportError(`\`bibtex_bibfiles\` lists \`${file}\`, which is not in the book folder`, { file: '_config.yml' });
    return { displayPath: toPosix(file), text: readFileSync(absolute, 'utf8') };
  });
  const bibliography = mergeBibliographies(bibSources);
  if (bibSources.length > 0) files.set('bib/references.bib', bibliography.text);
  summary.bibEntries = bibliography.keys.length;
  for (const duplicate of bibliography.duplicates) {
    note({ file: duplicate.file, line: duplicate.line, construct: `BibTeX entry \`${duplicate.key}\``, action: `left out: the key is already in ${duplicate.keptFrom}`, unresolved: false });
  }
  if (bibSources.length > 1) note({ file: '_config.yml', construct: `${bibSources.length} .bib files`, action: 'merged into bib/references.bib, in the order listed', unresolved: false });

  // Citations and {doc} links that will not resolve.
  const known = new Set(bibliography.keys.map((key) => key.toLowerCase()));
  const cited = new Set<string>();
  for (const [chapter, result] of converted) {
    for (const citation of result.citationKeys) {
      summary.citations++;
      cited.add(citation.key);
      if (!known.has(citation.key.toLowerCase())) {
        note({ file: chapter.displayPath, line: citation.line, cell: (citation as { cell?: number }).cell, construct: `citation key \`${citation.key}\``, action: 'not in the bibliography: add the entry to bib/references.bib', unresolved: true });
      }
    }
    for (const doc of result.docTargets) {
      if (!ids.has(doc.target)) {
        note({ file: chapter.displayPath, line: doc.line, cell: (doc as { cell?: number }).cell, construct: `\`{doc}\` link to \`${doc.target}\``, action: 'names no chapter of the toc: kept as written; the build will ask for a chapter id', unresolved: true });
      }
    }
  }
  summary.citedWorks = cited.size;

  // Each chapter's old URL (`<path in the book>.html`) leads to its new page.
  const redirects = chapters.map((chapter) => `- ${chapter.displayPath.replace(/\.[^./]+$/, '')}.html -> {doc}\`${chapter.id}\``);
  summary.redirects = redirects.length;

  files.set('content/book.yaml', bookYaml(settings, partTitles, parts.map((_, index) => chapters.filter((chapter) => chapter.part === index).map((chapter) => chapter.id)), note));
  return { files, redirects, report: { source: sourceName, summary, items } };
}

/** The structure file: title, authors, macros and the parts with their chapters' ids. */
function bookYaml(settings: BookSettings, partTitles: string[], chapterIds: string[][], note: (item: ReportItem) => void): string {
  if (!settings.title) note({ file: '_config.yml', construct: 'no `title`', action: 'the book is titled "Untitled book": set `title` in content/book.yaml', unresolved: true });
  if (!settings.author) note({ file: '_config.yml', construct: 'no `author`', action: 'the author is "The authors": set `authors` in content/book.yaml', unresolved: true });
  const structure = {
    title: settings.title ?? 'Untitled book',
    authors: [settings.author ?? 'The authors'],
    ...(Object.keys(settings.macros).length > 0 ? { math: { macros: settings.macros } } : {}),
    parts: partTitles
      .map((title, index) => ({ title, chapters: chapterIds[index] ?? [] }))
      .filter((part) => part.chapters.length > 0),
  };
  const repository = settings.repositoryUrl ? `# Repository (from _config.yml; this site shows no repository link): ${settings.repositoryUrl}\n` : '';
  if (settings.repositoryUrl) note({ file: '_config.yml', construct: '`repository.url`', action: 'kept as a comment in content/book.yaml: the site shows no repository link', unresolved: false });
  return `# Imported from a Jupyter Book (_toc.yml, _config.yml): the book's structure, parts and chapters in reading order.\n${repository}${stringify(structure, { lineWidth: 0 })}`;
}

/** The file a toc entry names: as written, or with a chapter extension. */
function findChapterFile(bookDir: string, entry: TocChapter): string {
  const base = path.join(bookDir, entry.file);
  const candidates = [base, ...[...CHAPTER_EXTENSIONS, ...OTHER_EXTENSIONS].map((extension) => `${base}${extension}`)];
  const found = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
  if (found) return found;
  throw new ImportError(`the toc names \`${entry.file}\`, but the book folder has no such file (looked for ${CHAPTER_EXTENSIONS.map((extension) => `${entry.file}${extension}`).join(', ')})`, {
    file: '_toc.yml',
    line: entry.line,
  });
}

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; seen.has(unique); n++) unique = `${name}-${n}`;
    seen.add(unique);
    return unique;
  });
}

/** `4-1-GenAI` → "4 1 GenAI"; `intro` → "Intro": a readable stand-in the author should replace. */
function titleFromFileName(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
