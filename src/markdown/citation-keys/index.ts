/**
 * remark plugin: check every `cite` node's keys against the bibliography. Empty citations and unknown
 * keys are errors at the citation (rules `citation-not-empty`, `citation-key-exists`, with the nearest
 * key as a suggestion); the keys found are recorded on the node (`cite.resolved`) for the formatter
 * (../citations). The content check runs this plugin and not the formatter: checking a key is a map
 * look-up, formatting is most of a chapter's cost and rendering does it anyway.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { type Bibliography, loadBibliography } from '../../bibliography/load-bibliography.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { RuleId } from '../../diagnostics/rule-ids.js';
import type { Cite } from '../myst-roles/types.js';

export interface CitationKeyOptions {
  /** Absolute path of the .bib file. */
  bibliographyPath: string;
  /** Path of the .bib as messages show it. */
  bibliographyDisplayPath?: string;
}

export default function remarkCitationKeys(options: CitationKeyOptions) {
  return (tree: Root, file: VFile) => {
    checkCitationKeys(tree, file, loadBibliography(options.bibliographyPath, options.bibliographyDisplayPath));
  };
}

/** Report the tree's empty citations and unknown keys; record the known keys of each citation. */
export function checkCitationKeys(tree: Root, file: VFile, bibliography: Bibliography): void {
  visit(tree, 'cite', (cite: Cite) => {
    if (cite.keys.length === 0) {
      file.message(`Empty citation \`{cite:${cite.kind}}\`\`\`: write the key of a ${bibliography.file.path} entry between the backticks`, {
        place: cite.position,
        ruleId: RuleId.citationNotEmpty,
        source: 'citation-keys',
      }).fatal = true;
    }
    cite.resolved = cite.keys.filter((key) => bibliography.items.has(key));
    for (const key of cite.keys) {
      if (bibliography.items.has(key)) continue;
      const reason = bibliography.missing
        ? `Unknown citation key \`${key}\`: there is no ${bibliography.file.path}; create it with an entry for \`${key}\``
        : `Unknown citation key \`${key}\`, expected a key from ${bibliography.file.path}${didYouMean(key, bibliography.items.keys())}`;
      file.message(reason, { place: cite.position, ruleId: RuleId.citationKeyExists, source: 'citation-keys' }).fatal = true;
    }
  });
}
