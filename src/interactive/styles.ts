/**
 * The stylesheet of each interactive widget, by its component's name (src/interactive/components.ts).
 * The layout inlines a widget's rules into the `<head>` of the pages that show it, and only those
 * (the chapter's `remarkPluginFrontmatter.interactiveComponents`, src/markdown/page-stylesheets). Imported
 * by the components instead, Astro would bundle every widget's rules into one stylesheet that every
 * chapter links, with or without a widget: 4.2 KB gzip and a render-blocking request on each. Rules
 * that several widgets share (the threshold explorer's `.te-…`) stay in book.css. Vite minifies
 * `?inline` CSS in a build; the security policy allows the inline styles by hash.
 */
import adversarialFlip from './adversarial-flip/adversarial-flip.css?inline';
import dpCountingQuery from './dp-counting-query/dp-counting-query.css?inline';
import effectPlots from './effect-plots/effect-plots.css?inline';
import fairnessExplorer from './fairness-explorer/fairness-explorer.css?inline';
import feedbackLoop from './feedback-loop/feedback-loop.css?inline';
import proxyGridworld from './proxy-gridworld/proxy-gridworld.css?inline';
import shapleyExplorer from './shapley-explorer/shapley-explorer.css?inline';

export const interactiveStyles: Readonly<Record<string, string>> = {
  AdversarialFlip: adversarialFlip,
  DpCountingQuery: dpCountingQuery,
  EffectPlots: effectPlots,
  FairnessExplorer: fairnessExplorer,
  FeedbackLoopExplorer: feedbackLoop,
  ProxyGridworld: proxyGridworld,
  ShapleyExplorer: shapleyExplorer,
};
