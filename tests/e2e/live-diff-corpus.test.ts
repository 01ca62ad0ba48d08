/**
 * The live-diff corpus in the browsers (tests/fixtures/live-pages/): the seed article
 * through every template of both halves, unchanged and with each edit, served at the
 * article's real address; the sidebar's status line must give the verdict a reader would
 * and name the change. Chromium and Firefox (BACKSTORY_BROWSERS narrows them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusArticles, EDITS, editArticle, loadTemplates, type Edit } from '../fixtures/live-pages/corpus';
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

/**
 * Held-out cases on the seed that the rule gets wrong, as measured after tuning was finished
 * and reported in docs/live-diff.md (nothing was tuned on them). They are checked to still
 * be wrong, so a fix shows here and the table is brought up to date. The first held-out half
 * is right on every case of the seed since round 2 (its failures were seen while tuning it);
 * these are the fresh second half's, measured once.
 */
const ALL_BUT_ADDED: readonly Edit[] = ['unchanged', 'sentence-edited', 'paragraph-removed', 'headline-changed', 'correction-appended'];
const KNOWN_HELDOUT_FAILURES: Record<string, readonly Edit[]> = {
  'amp-asian-daily': EDITS,
  'local-tv-arc': ALL_BUT_ADDED,
  'nonprofit-newsroom': ALL_BUT_ADDED,
  'wordpress-newsroom': ALL_BUT_ADDED,
};

const seed = corpusArticles().find((article) => article.url === SEED_URL);
if (!seed) throw new Error(`the seed article (${SEED_URL}) is not in the corpus`);
const halves = [
  ['tuned', await loadTemplates('tune')],
  ['held-out', await loadTemplates('heldout')],
  ['held-out 2', await loadTemplates('heldout2')],
] as const;

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
            const firstChangeVisible = await frame.evaluate(() => {
              const box = document.querySelector('.compare-text');
              const change = box?.querySelector('ins, del');
              if (!box || !change) return false;
              const a = box.getBoundingClientRect();
              const c = change.getBoundingClientRect();
              return c.top >= a.top && c.top < a.bottom;
            }, null);
            if (!firstChangeVisible) got[edit] = `${got[edit]} (first change not in view)`;
          }
          if (edit === 'paragraph-added') await page.screenshot(`live-corpus-${half}-${name}-${edit}`);
          await page.close();
        }
        const known = half === 'tuned' ? [] : (KNOWN_HELDOUT_FAILURES[name] ?? []);
        expect(got).toEqual(
          Object.fromEntries(
            EDITS.map((edit) => [edit, known.includes(edit) ? expect.not.stringMatching(EXPECTED[edit]) : expect.stringMatching(EXPECTED[edit])]),
          ),
        );
      });
    });
  }
});
