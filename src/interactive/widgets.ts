/**
 * The interactive widgets an author can place with the `{interactive}` directive, by name. The
 * Markdown pipeline checks a directive against this registry (without loading any component), and
 * renders it as the named Astro component, which `src/interactive/components.ts` maps to its file.
 * To add a widget: a folder here with its component, client script and stylesheet, an entry below,
 * the component in `components.ts`, its custom element in `elements.ts` and the stylesheet in `styles.ts`.
 */
import { ADVERSARIAL_FLIP_OPTIONS, readAdversarialFlipOptions } from './adversarial-flip/options.js';
import { DP_COUNTING_QUERY_OPTIONS, readDpCountingOptions } from './dp-counting-query/options.js';
import { EFFECT_PLOTS_OPTIONS, readEffectPlotsOptions } from './effect-plots/options.js';
import { FAIRNESS_EXPLORER_OPTIONS, readFairnessExplorerOptions } from './fairness-explorer/options.js';
import { FEEDBACK_LOOP_OPTIONS, readFeedbackLoopOptions } from './feedback-loop/options.js';
import { PROXY_GRIDWORLD_OPTIONS, readProxyGridworldOptions } from './proxy-gridworld/options.js';
import { readShapleyExplorerOptions, SHAPLEY_EXPLORER_OPTIONS } from './shapley-explorer/options.js';
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
  'feedback-loop': {
    component: 'FeedbackLoopExplorer',
    options: FEEDBACK_LOOP_OPTIONS,
    check: (options) => readFeedbackLoopOptions(options).problems,
  },
  'effect-plots': {
    component: 'EffectPlots',
    options: EFFECT_PLOTS_OPTIONS,
    check: (options) => readEffectPlotsOptions(options).problems,
  },
  'shapley-explorer': {
    component: 'ShapleyExplorer',
    options: SHAPLEY_EXPLORER_OPTIONS,
    check: (options) => readShapleyExplorerOptions(options).problems,
  },
  'dp-counting-query': {
    component: 'DpCountingQuery',
    options: DP_COUNTING_QUERY_OPTIONS,
    check: (options) => readDpCountingOptions(options).problems,
  },
  'proxy-gridworld': {
    component: 'ProxyGridworld',
    options: PROXY_GRIDWORLD_OPTIONS,
    check: (options) => readProxyGridworldOptions(options).problems,
  },
  'adversarial-flip': {
    component: 'AdversarialFlip',
    options: ADVERSARIAL_FLIP_OPTIONS,
    check: (options) => readAdversarialFlipOptions(options).problems,
  },
  'fairness-explorer': {
    component: 'FairnessExplorer',
    options: FAIRNESS_EXPLORER_OPTIONS,
    check: (options) => readFairnessExplorerOptions(options).problems,
  },
};
