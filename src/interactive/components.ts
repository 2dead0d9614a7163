/**
 * The Astro component of each interactive widget, by the name the registry gives it
 * (src/interactive/widgets.ts): the chapter page passes these to `<Content components={…}>`, and MDX
 * renders one only where a chapter's `{interactive}` figure names it, so its script is on that page only.
 */
import FairnessExplorer from './fairness-explorer/FairnessExplorer.astro';
import ThresholdExplorer from './threshold-explorer/ThresholdExplorer.astro';

export const interactiveComponents = { ThresholdExplorer, FairnessExplorer };
