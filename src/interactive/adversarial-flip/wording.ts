/**
 * The widget's words, shared by the server's static state and the browser's updates, so that a reader
 * without JavaScript and one moving the controls read the same sentences.
 */
import { type FlipState, formatNumber, type LinearModel, l1Norm, l2Norm, type Point, RANDOM_DRAWS } from './linear.js';

export const pointText = ([x1, x2]: Point) => `(${formatNumber(x1)}, ${formatNumber(x2)})`;

export function classText(predicted: 1 | -1 | 0): string {
  return predicted === 1 ? 'positive' : predicted === -1 ? 'negative' : 'on the boundary';
}

/** `f(x) = 3·x₁ + 4·x₂ − 6` */
export function modelText(model: LinearModel): string {
  const [w1, w2] = model.w;
  const term = (weight: number, name: string, first: boolean) => {
    const magnitude = Math.abs(weight) === 1 ? '' : `${Math.abs(weight)}·`;
    if (first) return `${weight < 0 ? '−' : ''}${magnitude}${name}`;
    return ` ${weight < 0 ? '−' : '+'} ${magnitude}${name}`;
  };
  const parts = [w1 !== 0 ? term(w1, 'x₁', true) : '', w2 !== 0 ? term(w2, 'x₂', w1 === 0) : '', model.b !== 0 ? ` ${model.b < 0 ? '−' : '+'} ${Math.abs(model.b)}` : ''];
  return `f(x) = ${parts.join('')}`;
}

/** The norms of w, as the readout prints them. */
export function normsText(model: LinearModel): string {
  return `‖w‖₁ = ${formatNumber(l1Norm(model.w))}, ‖w‖₂ = ${formatNumber(l2Norm(model.w))}`;
}

export const scoreText = (state: FlipState) => `f(x) = ${formatNumber(state.score)}: ${classText(state.predicted)}`;
export const l2Text = (state: FlipState) => `${formatNumber(state.l2.size, 3)}, landing at ${pointText(state.l2.target)}`;
export const linfText = (state: FlipState) => `${formatNumber(state.linf.size, 3)}, landing at ${pointText(state.linf.target)}`;

/** What the FGSM step of the reader's ε does. */
export function fgsmText(state: FlipState): string {
  if (state.predicted === 0) return 'x is on the boundary: there is no class to flip.';
  const verdict = state.fgsmFlips ? (Math.abs(state.fgsmScore) < 1e-9 ? 'lands on the boundary' : 'flips the class') : 'does not flip the class';
  return `x + ε·sign(∇) = ${pointText(state.fgsm)}, f = ${formatNumber(state.fgsmScore)}: ${verdict}.`;
}

export const flipRateText = (state: FlipState, total: number) => `${state.flippedCount} of ${total} points can be flipped within ε = ${formatNumber(state.epsilon)}`;
export const randomText = (state: FlipState) => `${state.randomFlips} of ${RANDOM_DRAWS} random perturbations in the ε-box flip x`;

/** The slider values spoken by screen readers. */
export const coordinateValueText = (name: string, value: number) => `${name} = ${formatNumber(value)}`;
export const epsilonValueText = (state: FlipState, total: number) => `ε = ${formatNumber(state.epsilon)}: ${flipRateText(state, total)}`;

/** The summary announced (politely) once the reader pauses. */
export function summaryText(state: FlipState, total: number): string {
  return (
    `Point ${pointText(state.point)}, ${scoreText(state)}. ` +
    `Smallest flip: L2 ${formatNumber(state.l2.size, 3)}, L∞ ${formatNumber(state.linf.size, 3)}. ` +
    `FGSM with ε = ${formatNumber(state.epsilon)} ${state.predicted === 0 ? 'has no class to flip' : state.fgsmFlips ? 'flips it' : 'does not flip it'}. ` +
    `${flipRateText(state, total)}; ${randomText(state)}.`
  );
}

/** The plot's accessible name. */
export function plotLabel(state: FlipState, model: LinearModel): string {
  return `Plot of the plane with the decision boundary of ${modelText(model)}, the point x at ${pointText(state.point)}, its nearest boundary points in L2 and L∞, the ε-box of ε = ${formatNumber(state.epsilon)} and the fixed points.`;
}
