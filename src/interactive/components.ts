/**
 * The Astro component of each interactive widget, by the name the registry gives it
 * (src/interactive/widgets.ts): the chapter page passes these to `<Content components={…}>`, and MDX
 * renders one only where a chapter's `{interactive}` figure names it. Its code (its custom element) is
 * loaded by the layout script when the figure nears the screen (elements.ts), its styles inlined into
 * that page's head (styles.ts).
 */
import AdversarialFlip from './adversarial-flip/AdversarialFlip.astro';
import DpCountingQuery from './dp-counting-query/DpCountingQuery.astro';
import EffectPlots from './effect-plots/EffectPlots.astro';
import FairnessExplorer from './fairness-explorer/FairnessExplorer.astro';
import FeedbackLoopExplorer from './feedback-loop/FeedbackLoopExplorer.astro';
import ProxyGridworld from './proxy-gridworld/ProxyGridworld.astro';
import ShapleyExplorer from './shapley-explorer/ShapleyExplorer.astro';
import ThresholdExplorer from './threshold-explorer/ThresholdExplorer.astro';

export const interactiveComponents = { AdversarialFlip, DpCountingQuery, EffectPlots, FairnessExplorer, FeedbackLoopExplorer, ProxyGridworld, ShapleyExplorer, ThresholdExplorer };
