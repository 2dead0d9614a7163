/**
 * The effect-plots figure's words, shared by the server's static state and the browser's updates.
 */
import { type EffectState, formatNumber } from './effects.js';

/** `ρ = 0.90` with the sample's correlation. */
export function correlationText(state: EffectState): string {
  return `ρ = ${state.rho.toFixed(2)} (sample correlation ${formatNumber(state.sampleCorrelation)})`;
}

/** Where PD and ALE differ most. */
export function gapText(state: EffectState): string {
  const k = state.pd.findIndex((value, index) => Math.abs(value - (state.ale[index] as number)) === state.maxGap);
  return `Largest gap between PD and ALE: ${formatNumber(state.maxGap)}, at x₁ = ${formatNumber(state.grid[k] as number)}.`;
}

const range = (values: readonly number[]) => `${formatNumber(Math.min(...values))} to ${formatNumber(Math.max(...values))}`;

/** The summary announced (politely) once the reader stops moving the slider. */
export function summaryText(state: EffectState): string {
  const last = state.grid.length - 1;
  return (
    `Correlation ${correlationText(state)}. ` +
    `PD ranges from ${range(state.pd)}; ALE from ${range(state.ale)}. ` +
    `From the second-highest to the highest grid value, PD changes by ${formatNumber((state.pd[last] as number) - (state.pd[last - 1] as number))} and ALE by ${formatNumber((state.ale[last] as number) - (state.ale[last - 1] as number))}. ` +
    gapText(state)
  );
}

/** The chart's accessible name. */
export function chartLabel(state: EffectState): string {
  return `Effect of x₁ on the prediction at ${correlationText(state)}: ${state.ice.length} ICE curves, the partial dependence (PD, their mean) and the accumulated local effects (ALE), centred. PD ranges from ${range(state.pd)}; ALE from ${range(state.ale)}.`;
}

/** The data panel's accessible name. */
export function dataLabel(state: EffectState): string {
  return `Scatter plot of the ${state.data.length} observations, x₁ against x₂, at ${correlationText(state)}, with the points where PD evaluates the model at x₁ = ${formatNumber(state.grid[state.grid.length - 1] as number)}.`;
}
