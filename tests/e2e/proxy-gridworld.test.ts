/**
 * The proxy grid world of the alignment chapter, as a reader meets it in Chromium: driven by the
 * keyboard, it steps, runs, resets and switches reward, showing and announcing the numbers its module
 * computes; it runs without animation for readers who ask for reduced motion; without JavaScript the
 * state after 200 episodes is there, in the grid, the chart, the sentences and the table; it fits a
 * phone; and its script is loaded on its page only.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { greedyPath, Learner, type RewardMode, trainedLearner } from '../../src/interactive/proxy-gridworld/gridworld.js';
import { announcementText, describe as describeLearner } from '../../src/interactive/proxy-gridworld/wording.js';
import { useBrowserSession } from '../support/browser-session.js';
import { widgetReady, widgetScripts } from '../support/figure-checks.js';

const CHAPTER = 'alignment/';
const OTHER_CHAPTER = 'generative-ai/';
const FIGURE = '#fig-align-proxy-gridworld';
const SEED = 7;

const session = useBrowserSession('book');

/** What the figure says in words. */
async function shownWords(figure: Locator) {
  return {
    headline: await figure.locator('[data-headline]').textContent(),
    path: await figure.locator('[data-path-text]').textContent(),
    recent: await figure.locator('[data-recent]').textContent(),
    moves: await figure.locator('[data-moves]').textContent(),
  };
}

/** What the module says the figure should show for an agent trained `episodes` episodes with `mode`. */
function expectedWords(learner: Learner) {
  const words = describeLearner(learner);
  return { headline: words.headline, path: words.pathSentence, recent: words.recent, moves: words.moves };
}

const trained = (mode: RewardMode, episodes: number) => trainedLearner(mode, SEED, episodes);

describe('the proxy grid world', () => {
  it('should step, switch reward, run and reset from the keyboard, showing and announcing the module’s numbers', async () => {
    const context = await session.browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    // A numbered figure, referred to from the text by its number.
    expect(await figure.locator('figcaption .figure-number').textContent()).toBe('Figure 4.2.1');
    expect(await page.locator(`.chapter-body a.xref-figure[href="${FIGURE}"]`).first().textContent()).toBe('Figure 4.2.1');

    // Controls shown, the no-script sentence hidden; the state is the one the chapter describes.
    expect(await figure.locator('[data-static]').isVisible()).toBe(false);
    const rewardSelect = figure.getByRole('combobox', { name: 'Reward the agent learns from' });
    expect(await rewardSelect.inputValue()).toBe('proxy');
    expect(await shownWords(figure)).toEqual(expectedWords(trained('proxy', 200)));
    expect(await figure.locator('[data-recent]').textContent()).toBe('Last 20 episodes: goal reached in 0, mean proxy return 17.15, mean intended return 0.00.');

    // Step one episode with the keyboard.
    const stepButton = figure.getByRole('button', { name: 'Step 1 episode' });
    await stepButton.focus();
    expect(await stepButton.evaluate((button) => button.matches(':focus-visible') || getComputedStyle(button).outlineStyle !== 'none')).toBe(true);
    await page.keyboard.press('Enter');
    const afterStep = trained('proxy', 201);
    expect(await shownWords(figure)).toEqual(expectedWords(afterStep));
    const announcement = figure.locator('[aria-live="polite"]');
    await expect.poll(() => announcement.textContent()).toBe(announcementText(afterStep));

    // Switch to the intended reward with the arrow keys: a fresh agent, as many episodes, reaches the goal.
    await rewardSelect.focus();
    await page.keyboard.press('ArrowDown');
    expect(await rewardSelect.inputValue()).toBe('intended');
    const intended = trained('intended', 201);
    expect(greedyPath(intended).reachesGoal).toBe(true);
    await expect.poll(() => figure.locator('[data-headline]').textContent()).toBe('Intended reward, 201 episodes learned.');
    expect(await shownWords(figure)).toEqual(expectedWords(intended));
    expect(await figure.locator('[data-path-text]').textContent()).toBe('The greedy path from S reaches the goal in 7 moves (intended return 5).');
    await expect.poll(() => announcement.textContent()).toBe(announcementText(intended));

    // Run 50 more episodes (no animation: reduced motion), then reset.
    await figure.getByRole('button', { name: 'Run 50 episodes' }).focus();
    await page.keyboard.press('Space');
    expect(await shownWords(figure)).toEqual(expectedWords(trained('intended', 251)));
    await figure.getByRole('button', { name: 'Reset' }).focus();
    await page.keyboard.press('Enter');
    expect(await shownWords(figure)).toEqual(expectedWords(new Learner('intended', SEED)));
    expect(await figure.locator('[data-headline]').textContent()).toBe('Intended reward, 0 episodes learned.');
    expect(await figure.locator('[data-count]').evaluateAll((cells) => cells.every((cell) => cell.textContent === '0'))).toBe(true);
    await context.close();
  });

  it('should draw a run episode by episode, but at once for readers who ask for reduced motion', async () => {
    const busyRightAfterClick: Record<string, boolean> = {};
    const transitions: Record<string, string> = {};
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await session.browser.newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(session.book.url(CHAPTER));
      await widgetReady(page, FIGURE);
      const figure = page.locator(FIGURE);
      transitions[reducedMotion] = await figure.locator('[data-heat="0"]').evaluate((rect) => getComputedStyle(rect).transitionDuration);
      busyRightAfterClick[reducedMotion] = await figure.locator('button[data-command="run"]').evaluate((button) => {
        (button as HTMLButtonElement).click();
        return button.closest('proxy-gridworld')?.hasAttribute('aria-busy') ?? false;
      });
      // Either way, the run ends with the state after 250 episodes.
      await expect.poll(() => figure.locator('[data-headline]').textContent(), { timeout: 15_000 }).toBe('Proxy reward, 250 episodes learned.');
      expect(await shownWords(figure)).toEqual(expectedWords(trained('proxy', 250)));
      expect(await figure.getAttribute('aria-busy')).toBeNull();
      await context.close();
    }
    expect(busyRightAfterClick).toEqual({ reduce: false, 'no-preference': true });
    expect(transitions.reduce).toBe('0s');
    expect(transitions['no-preference']).not.toBe('0s');
  });

  it('should show the learned state after 200 episodes without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    const figure = page.locator(FIGURE);
    expect(await figure.getByRole('button').count()).toBe(0);
    expect(await figure.locator('[data-static]').textContent()).toContain('Shown after 200 episodes of Q-learning with the proxy reward (seed 7).');
    const learner = trained('proxy', 200);
    expect(await shownWords(figure)).toEqual(expectedWords(learner));
    // The grid: an arrow in every cell but the goal, the dashed greedy path, and the table equivalent.
    expect(await figure.locator('[data-arrow]').count()).toBe(19);
    expect((await figure.locator('[data-path]').getAttribute('points'))?.split(' ')).toHaveLength(41);
    expect(await figure.locator('.pg-table td').count()).toBe(20);
    expect(await figure.locator('[data-cell-action="15"]').textContent()).toBe('↑ up');
    expect(await figure.locator('[data-grid-svg]').getAttribute('aria-label')).toContain('never reaches the goal in 40 moves');
    expect(await figure.locator('[data-chart-svg]').getAttribute('aria-label')).toContain('Return per episode over 200 episodes');
    await context.close();
  });

  it('should fit a phone’s width without scrolling the page sideways', async () => {
    const context = await session.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(session.book.url(CHAPTER));
    await widgetReady(page, FIGURE);
    const figure = page.locator(FIGURE);
    await figure.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    const box = await figure.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    const buttons = await figure.getByRole('button').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().right));
    expect(buttons.every((right) => right <= 375)).toBe(true);
    await context.close();
  });

  it('should load its code on its page only, once the figure nears the screen', async () => {
    const page = await session.browser.newPage();
    await page.goto(session.book.url(CHAPTER), { waitUntil: 'networkidle' });
    await widgetReady(page, FIGURE);
    expect(await page.evaluate(() => customElements.get('proxy-gridworld') !== undefined)).toBe(true);
    // Another chapter, read to its end, never defines it.
    await page.goto(session.book.url(OTHER_CHAPTER), { waitUntil: 'networkidle' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => customElements.get('proxy-gridworld'))).toBeUndefined();
    await page.close();

    // Its code is what the chapter requests beyond another chapter read to its end.
    const scripts = await widgetScripts(session.browser, session.book.url(CHAPTER), FIGURE, session.book.url(OTHER_CHAPTER));
    expect(scripts.widget.length).toBeGreaterThanOrEqual(1);
  });
});
