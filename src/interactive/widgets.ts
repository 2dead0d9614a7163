/**
 * The interactive widgets an author can place with the `{interactive}` directive, by name. The
 * Markdown pipeline checks a directive against this registry (without loading any component), and
 * renders it as the named Astro component, which `src/interactive/components.ts` maps to its file.
 * To add a widget: a folder here with its component and client script, an entry below, and the
 * component in `components.ts`.
 */
import { FAIRNESS_EXPLORER_OPTIONS, readFairnessExplorerOptions } from './fairness-explorer/options.js';
import { readThresholdExplorerOptions, THRESHOLD_EXPLORER_OPTIONS } from './threshold-explorer/options.js';

/** A problem with a directive's options, at the option it concerns when there is one. */
export interface WidgetOptionProblem {
  option?: string;
  reason: string;
}

/** One widget of the registry. */
export interface InteractiveWidget {
  /** The component that renders it: its key in `interactiveComponents` (src/interactive/components.ts). */
  component: string;
  /** Its directive options besides `:name:` and `:alt:`, each with what it holds. */
  options: Readonly<Record<string, string>>;
  /** The problems of a directive's options (missing, malformed); none when the widget can render them. */
  check(options: Readonly<Record<string, string>>): WidgetOptionProblem[];
}

/** Every widget, by the name written after `{interactive}`. */
export const INTERACTIVE_WIDGETS: Readonly<Record<string, InteractiveWidget>> = {
  'threshold-explorer': {
    component: 'ThresholdExplorer',
    options: THRESHOLD_EXPLORER_OPTIONS,
    check: (options) => readThresholdExplorerOptions(options).problems,
  },
  'fairness-explorer': {
    component: 'FairnessExplorer',
    options: FAIRNESS_EXPLORER_OPTIONS,
    check: (options) => readFairnessExplorerOptions(options).problems,
  },
};
