/**
 * The resources page's entries, `content/resources.yaml`: sections (one per topic of the book), each
 * with toolkits, datasets, courses, books and further reading, every one with a link and one line on
 * what it is for. Read and validated like the glossary: a malformed entry or an unknown field is an
 * error at its line (rule `resources-valid`).
 *
 * ```yaml
 * - topic: Fairness
 *   intro: Optional one-line introduction.
 *   items:
 *     - name: Fairlearn
 *       kind: toolkit
 *       url: https://fairlearn.org
 *       purpose: Assess and mitigate unfairness of classifiers and regressors in Python.
 * ```
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import GithubSlugger from 'github-slugger';
import { LineCounter, parseDocument } from 'yaml';
import { VFile } from 'vfile';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { RuleId } from '../diagnostics/rule-ids.js';
import { renderDefinition } from './glossary.js';

/** Kinds of resource, in the order the page lists them within a topic, with their headings. */
export const RESOURCE_KINDS = {
  toolkit: 'Toolkits and libraries',
  dataset: 'Datasets and benchmarks',
  course: 'Courses and tutorials',
  book: 'Books',
  reading: 'Further reading',
} as const;

export type ResourceKind = keyof typeof RESOURCE_KINDS;

const itemSchema = z.strictObject({
  /** The resource's name, as its authors write it. */
  name: z.string().trim().min(1),
  kind: z.enum(Object.keys(RESOURCE_KINDS) as [ResourceKind, ...ResourceKind[]]),
  /** Its official page: https only. */
  url: z.string().trim().regex(/^https:\/\/[^\s]+$/, 'an absolute https:// URL'),
  /** One line on what it is for (inline Markdown). */
  purpose: z.string().trim().min(1).max(240),
});

const sectionSchema = z.strictObject({
  topic: z.string().trim().min(1),
  intro: z.string().trim().min(1).optional(),
  items: z.array(itemSchema).min(1),
});

export interface ResourceItem {
  name: string;
  kind: ResourceKind;
  url: string;
  purposeHtml: string;
}

export interface ResourceSection {
  topic: string;
  /** The section's id on the page. */
  id: string;
  introHtml?: string;
  items: ResourceItem[];
}

export interface Resources {
  sections: ResourceSection[];
  file: VFile;
  missing?: boolean;
}

/** Read and validate the resources file; a book without one has no resources page content. */
export function loadResources(resourcesPath: string, displayPath = resourcesPath): Resources {
  let source: string;
  try {
    source = readFileSync(resourcesPath, 'utf8');
  } catch {
    return { sections: [], file: new VFile({ path: displayPath }), missing: true };
  }
  // The dev server's check reads the file after every save: parsed again only when its text changes.
  const kept = parsedResources.get(resourcesPath);
  if (kept?.source === source && kept.displayPath === displayPath) return kept.resources;
  const resources = parseResources(source, displayPath);
  parsedResources.set(resourcesPath, { source, displayPath, resources });
  return resources;
}

const parsedResources = new Map<string, { source: string; displayPath: string; resources: Resources }>();

/** Parse resources source; every problem is a positioned error on the returned file. */
export function parseResources(source: string, displayPath: string): Resources {
  const file = new VFile({ path: displayPath, value: source });
  const resources: Resources = { sections: [], file };
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter });
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  const locate = (path: (string | number)[]) => {
    for (let length = path.length; length > 0; length--) {
      const node = document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return at(node.range[0]);
    }
    return at(0);
  };
  const fail = (reason: string, place: { line: number; column: number }) => {
    file.message(reason, { place, ruleId: RuleId.resourcesValid, source: 'resources' }).fatal = true;
  };
  for (const error of document.errors) fail(`Invalid YAML: ${error.message.split('\n')[0]}`, at(error.pos[0]));
  if (document.errors.length > 0) return resources;
  const result = z.array(sectionSchema).safeParse(document.toJS() ?? []);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? (issue as { keys: string[] }).keys : [];
      const known = issue.path.length > 2 ? Object.keys(itemSchema.shape) : Object.keys(sectionSchema.shape);
      const reason = keys.length > 0 ? `unknown field ${keys.map((key) => `\`${key}\`${didYouMean(key, known)}`).join(', ')}` : issue.message;
      fail(`Invalid resources entry at \`${issue.path.join('.') || '(top)'}\`: ${reason}`, locate(issue.path as (string | number)[]));
    }
    return resources;
  }
  const slugger = new GithubSlugger();
  result.data.forEach((section, sectionIndex) => {
    const inline = (markdown: string, path: (string | number)[]) => {
      const rendered = renderDefinition(markdown);
      if (rendered.problem) fail(`The text at \`${path.join('.')}\` ${rendered.problem}`, locate(path));
      return rendered.html;
    };
    resources.sections.push({
      topic: section.topic,
      id: slugger.slug(section.topic),
      introHtml: section.intro ? inline(section.intro, [sectionIndex, 'intro']) : undefined,
      items: section.items.map((item, itemIndex) => ({
        name: item.name,
        kind: item.kind,
        url: item.url,
        purposeHtml: inline(item.purpose, [sectionIndex, 'items', itemIndex, 'purpose']),
      })),
    });
  });
  return resources;
}
