/**
 * The threshold explorer's words, shared by the server's static state and the browser's updates, so
 * that a reader without JavaScript and one moving the slider read the same sentences (the labels it
 * shares with the other figures are in ../classification/wording.ts).
 */
import { formatDecimal, formatValue, type ThresholdState } from '../classification/classification.js';

/** The slider's spoken value: the threshold and how many are approved. */
export function sliderValueText(state: ThresholdState, total: number): string {
  return `t = ${formatDecimal(state.threshold)}: ${approvedText(state, total)}`;
}

/** `10 of 20 approved`. */
export function approvedText(state: ThresholdState, total: number): string {
  return `${state.approved} of ${total} approved`;
}

/** The summary announced (politely) after the reader stops moving the slider. */
export function summaryText(state: ThresholdState, total: number): string {
  const { tp, fp, fn, tn } = state.matrix;
  return (
    `Threshold ${formatDecimal(state.threshold)}: ${approvedText(state, total)}. ` +
    `TP ${tp}, FP ${fp}, FN ${fn}, TN ${tn}. ` +
    `Accuracy ${formatValue(state.accuracy)}, TPR ${formatValue(state.tpr)}, FPR ${formatValue(state.fpr)}, ` +
    `PPV ${formatValue(state.ppv)}, NPV ${formatValue(state.npv)}, F1 ${formatValue(state.f1)}.`
  );
}

/** The ROC point's label, visible under the plot and as the plot's accessible name. */
export function rocPointText(state: ThresholdState): string {
  return `At t = ${formatDecimal(state.threshold)} the point is (FPR, TPR) = (${formatValue(state.fpr)}, ${formatValue(state.tpr)}).`;
}
