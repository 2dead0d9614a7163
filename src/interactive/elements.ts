/**
 * The client code of each interactive widget (its custom element), by the element's tag. The layout
 * script loads a widget's code when one of its elements nears the screen (load-when-near.ts): a page
 * without the widget never asks for it, a page with it not before the reader gets close. A component
 * `<script>` instead would load with the page, and each would be one more request.
 */
export const widgetElements: Readonly<Record<string, () => Promise<unknown>>> = {
  'adversarial-flip': () => import('./adversarial-flip/element.ts'),
  'dp-counting-query': () => import('./dp-counting-query/element.ts'),
  'effect-plots': () => import('./effect-plots/element.ts'),
  'fairness-explorer': () => import('./fairness-explorer/element.ts'),
  'feedback-loop-explorer': () => import('./feedback-loop/element.ts'),
  'proxy-gridworld': () => import('./proxy-gridworld/element.ts'),
  'shapley-explorer': () => import('./shapley-explorer/element.ts'),
  'threshold-explorer': () => import('./threshold-explorer/element.ts'),
};
