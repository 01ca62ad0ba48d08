/**
 * The live-diff corpus in the browsers (tests/fixtures/live-pages/): the seed article
 * through every template of every half, unchanged and with each edit, served at the
 * article's real address; the sidebar's status line must give the verdict a reader would
 * and name the change. Chromium and Firefox (BACKSTORY_BROWSERS narrows them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { corpusArticles, EDITS, editArticle, HALVES, loadTemplates, type Edit, type Half } from '../fixtures/live-pages/corpus';
import { runCase } from '../fixtures/live-pages/matrix';
import type { PageTemplate } from '../fixtures/live-pages/template';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser } from './drivers/types';
import { SEED_URL } from './fixtures';
import { liveMessage } from './live-helpers';


/** The status line a reader should see, by construction of the edit. */
const EXPECTED: Record<Edit, RegExp> = {
  unchanged: /^Unchanged since archived$/,
  'sentence-edited': /^Changed: 1 sentence edited \(\d+ words? added, \d+ removed\)$/,
  'paragraph-added': /^Changed: \d+ paragraphs? added \(\d+ words added, 0 removed\)$/,
  'paragraph-removed': /^Changed: 1 paragraph removed \(0 words added, \d+ removed\)$/,
  'headline-changed': /^Changed: Headline changed \(\d+ words? added, \d+ removed\)$/,
  'correction-appended': /^Changed: Correction appended \(\d+ words added, 0 removed\)$/,
};

const found = corpusArticles().find((article) => article.url === SEED_URL);
if (!found) throw new Error(`the seed article (${SEED_URL}) is not in the corpus`);
const seed = found;

/**
 * The halves tuned on (heldout … heldout4, heldout6, heldout7, heldout8 (round 8), heldout9 (round 9),
 * heldout10 (round 10) and heldout11 (round 11) are seen, now tune material) must be right on every case (heldout5 is held out). A fresh held-out half is only measured: on it the browsers must give the
 * verdict the unit matrix gives for the seed (happy-dom, the figures in docs/live-diff.md's
 * table), right or wrong, so a difference between the browsers and the table shows, and
 * nobody writes down which of its cases fail by reading them.
 */
const TUNED: readonly Half[] = ['tune', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout6', 'heldout7', 'heldout8', 'heldout9', 'heldout10', 'heldout11', 'heldout12'];
(globalThis as { DOMParser?: unknown }).DOMParser = new Window().DOMParser;
const halves = await Promise.all(HALVES.map(async (half) => [half, await loadTemplates(half)] as const));

/**
 * Fresh held-out templates on which a browser was seen to disagree with the table (the test
 * failed there). Which edits, and what it said, were not read: the half is held out. Here
 * only a verdict for every edit is asked for, until the difference is diagnosed.
 */
const BROWSER_DISAGREES: Record<string, readonly string[]> = {
  // Round 6: none. The disagreements listed before (heldout5/gulf-daily, heldout6/state-agency,
  // heldout6/text-only) were the table's, not the browsers': the matrix judged by the kinds
  // named only, this test by the counts too ("1 sentence edited"), and both DOMs gave the same
  // verdict ("2 sentences edited"). The matrix now reads the counts as this test does.
};

function expectedFailures(half: Half, template: PageTemplate): readonly Edit[] {
  return TUNED.includes(half) ? [] : EDITS.filter((edit) => !runCase(template, seed, edit).ok);
}

describe.each(testBrowsers())('the live-diff corpus in %s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
  });
  afterAll(() => browser?.close());

  for (const [half, templates] of halves) {
    describe.runIf(templates.length > 0)(`${half} half`, () => {
      it.each(templates.map((template) => [template.name, template] as const))('%s: every edit gives the right verdict', async (name, template) => {
        const got: Record<string, string | null> = {};
        for (const edit of EDITS) {
          browser.serve(SEED_URL, template.render(editArticle(seed, edit)));
          const page = await browser.open(SEED_URL);
          const frame = await page.sidebar();
          got[edit] = await liveMessage(frame);
          if (edit !== 'unchanged') {
            // Compare opens at the first change.
            await frame.click('button.live-compare');
            await frame.waitFor('.compare-text');
            // The box scrolls to the change after it renders: look again every 16 ms for up to 2 s (a busy
            // machine may take several), not one look that races the scroll.
            const firstChangeVisible = await frame.evaluate(
              () =>
                new Promise<boolean>((resolve) => {
                  const until = performance.now() + 2_000;
                  const look = (): void => {
                    const box = document.querySelector('.compare-text');
                    const change = box?.querySelector('ins, del');
                    if (box && change) {
                      const a = box.getBoundingClientRect();
                      const c = change.getBoundingClientRect();
                      if (c.top >= a.top && c.top < a.bottom) return resolve(true);
                    }
                    if (performance.now() > until) return resolve(false);
                    setTimeout(look, 16);
                  };
                  look();
                }),
              null,
            );
            if (!firstChangeVisible) got[edit] = `${got[edit]} (first change not in view)`;
          }
          if (edit === 'paragraph-added') await page.screenshot(`live-corpus-${half}-${name}-${edit}`);
          await page.close();
        }
        if (BROWSER_DISAGREES[`${half}/${name}`]?.includes(browserName)) {
          expect(Object.values(got).every((text) => text !== null && text !== '')).toBe(true);
          return;
        }
        const known = expectedFailures(half, template);
        expect(got).toEqual(
          Object.fromEntries(
            EDITS.map((edit) => [edit, known.includes(edit) ? expect.not.stringMatching(EXPECTED[edit]) : expect.stringMatching(EXPECTED[edit])]),
          ),
        );
      });
    });
  }
});
