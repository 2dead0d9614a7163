/**
 * `<adversarial-flip>`: the browser half of the adversarial-flip widget. The server rendered the whole
 * figure at one point and one ε (AdversarialFlip.astro); this element reveals the sliders and, as they
 * move (or as a pointer clicks or drags on the plot), updates the light DOM in place: the point, its
 * nearest boundary points in L2 and L∞, the FGSM step, the ε-box, the flipped fixed points, the
 * readout and the table. A polite live region announces a summary once the reader pauses.
 */
import { type FlipState, flipState, formatNumber, type LinearModel, type Point } from './linear.js';
import { diamondPoints, epsilonBox, planePoint, plotX, plotY } from './plot.js';
import { coordinateValueText, epsilonValueText, fgsmText, flipRateText, l2Text, linfText, plotLabel, randomText, scoreText, summaryText } from './wording.js';

/** How long the controls must rest before the summary is announced. */
const ANNOUNCE_DELAY = 700;

const pair = (text: string | undefined): Point => {
  const [a = 0, b = 0] = (text ?? '').trim().split(/\s+/).map(Number);
  return [a, b];
};

class AdversarialFlipElement extends HTMLElement {
  #model: LinearModel = { w: [1, 1], b: 0 };
  #points: Point[] = [];
  #inputs: Record<'x1' | 'x2' | 'epsilon', HTMLInputElement | null> = { x1: null, x2: null, epsilon: null };
  #announceTimer: number | undefined;
  #ready = false;

  connectedCallback(): void {
    if (this.#ready) return;
    const { x1, x2, epsilon } = {
      x1: this.querySelector<HTMLInputElement>('input[data-input="x1"]'),
      x2: this.querySelector<HTMLInputElement>('input[data-input="x2"]'),
      epsilon: this.querySelector<HTMLInputElement>('input[data-input="epsilon"]'),
    };
    if (!x1 || !x2 || !epsilon) return;
    this.#ready = true;
    this.#inputs = { x1, x2, epsilon };
    this.#model = { w: pair(this.dataset.weights), b: Number(this.dataset.bias) };
    this.#points = (this.dataset.points ?? '').split(',').filter((item) => item.trim() !== '').map(pair);
    for (const input of [x1, x2, epsilon]) input.addEventListener('input', () => this.#show());
    const plot = this.querySelector<SVGSVGElement>('svg[data-plot]');
    if (plot) {
      const move = (event: PointerEvent) => {
        const matrix = plot.getScreenCTM();
        if (!matrix) return;
        const position = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
        const [a, b] = planePoint(position.x, position.y);
        x1.value = String(Math.round(a * 20) / 20);
        x2.value = String(Math.round(b * 20) / 20);
        this.#show();
      };
      plot.addEventListener('pointerdown', (event) => {
        plot.setPointerCapture(event.pointerId);
        move(event);
      });
      plot.addEventListener('pointermove', (event) => {
        if (plot.hasPointerCapture(event.pointerId)) move(event);
      });
    }
    this.querySelector<HTMLElement>('[data-controls]')?.removeAttribute('hidden');
    this.querySelector<HTMLElement>('[data-static]')?.setAttribute('hidden', '');
  }

  disconnectedCallback(): void {
    window.clearTimeout(this.#announceTimer);
  }

  /** Show the state of the sliders' values, and schedule its announcement. */
  #show(): void {
    const { x1, x2, epsilon } = this.#inputs;
    if (!x1 || !x2 || !epsilon) return;
    const point: Point = [Number(x1.value), Number(x2.value)];
    const state = flipState(this.#model, this.#points, point, Number(epsilon.value));
    const total = this.#points.length;
    x1.setAttribute('aria-valuetext', coordinateValueText('x₁', point[0]));
    x2.setAttribute('aria-valuetext', coordinateValueText('x₂', point[1]));
    epsilon.setAttribute('aria-valuetext', epsilonValueText(state, total));
    this.#text('[data-value="x1"]', formatNumber(point[0]));
    this.#text('[data-value="x2"]', formatNumber(point[1]));
    this.#text('[data-value="epsilon"]', formatNumber(state.epsilon));
    this.#draw(state);
    this.#text('[data-text="point"]', `(${formatNumber(point[0])}, ${formatNumber(point[1])})`);
    this.#text('[data-text="score"]', scoreText(state));
    this.#text('[data-text="l2"]', l2Text(state));
    this.#text('[data-text="linf"]', linfText(state));
    this.#text('[data-text="epsilon"]', formatNumber(state.epsilon));
    this.#text('[data-text="fgsm"]', fgsmText(state));
    this.#text('[data-text="rate"]', flipRateText(state, total));
    this.#text('[data-text="random"]', randomText(state));
    state.flippedPoints.forEach((flipped, index) => {
      this.querySelector(`[data-fixed="${index}"]`)?.classList.toggle('af-flipped', flipped);
      const row = this.querySelector(`[data-row="${index}"]`);
      row?.classList.toggle('af-row-flipped', flipped);
      setText(row?.querySelector('[data-flipped]') ?? null, flipped ? 'yes' : 'no');
    });
    this.querySelector('svg[data-plot]')?.setAttribute('aria-label', plotLabel(state, this.#model));
    window.clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => this.#text('[data-announce]', summaryText(state, total)), ANNOUNCE_DELAY);
  }

  /** Move the plot's marks to a state. */
  #draw(state: FlipState): void {
    const x = String(plotX(state.point[0]));
    const y = String(plotY(state.point[1]));
    const l2 = [plotX(state.l2.target[0]), plotY(state.l2.target[1])] as const;
    const linf = [plotX(state.linf.target[0]), plotY(state.linf.target[1])] as const;
    const box = epsilonBox(state.point, state.epsilon);
    setAttributes(this.querySelector('[data-point]'), { cx: x, cy: y });
    setAttributes(this.querySelector('[data-ball]'), { x: String(box.x), y: String(box.y), width: String(box.width), height: String(box.height) });
    setAttributes(this.querySelector('[data-l2-path]'), { x1: x, y1: y, x2: String(l2[0]), y2: String(l2[1]) });
    setAttributes(this.querySelector('[data-linf-path]'), { x1: x, y1: y, x2: String(linf[0]), y2: String(linf[1]) });
    setAttributes(this.querySelector('[data-l2-target]'), { x: String(l2[0] - 5), y: String(l2[1] - 5) });
    setAttributes(this.querySelector('[data-linf-target]'), { points: diamondPoints(linf[0], linf[1], 7) });
    setAttributes(this.querySelector('[data-fgsm]'), { points: diamondPoints(plotX(state.fgsm[0]), plotY(state.fgsm[1]), 4) });
  }

  #text(selector: string, text: string): void {
    setText(this.querySelector(selector), text);
  }
}

/** Set an element's text only when it changes, so unchanged cells are not re-rendered or re-announced. */
function setText(element: Element | null, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

function setAttributes(element: Element | null, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) element?.setAttribute(name, value);
}

if (!customElements.get('adversarial-flip')) customElements.define('adversarial-flip', AdversarialFlipElement);
