/**
 * The tuned halves of the live-diff corpus (tests/fixtures/live-pages/): every archived article
 * through every template, unchanged and with each edit, must give the verdict a reader would and
 * name the change. Shared by the test files that split the tuned halves between them (one worker
 * holding every tuned half's pages ran out of its heap).
 */
import { describe, expect, it } from 'vitest';
import { corpusArticles, EDITS, loadTemplates, type Half } from '../../../fixtures/live-pages/corpus';
import { runCase } from '../../../fixtures/live-pages/matrix';

// Each test runs a template over every article (a few seconds on a loaded two-core machine).
const CASES_TIMEOUT_MS = 60_000;

/** Declares, for each template of `halves`, one test per edit; and that at least `minTemplates` templates were loaded. */
export async function describeTunedHalves(halves: readonly Half[], minTemplates: number): Promise<void> {
  const articles = corpusArticles();
  const tune = (await Promise.all(halves.map((half) => loadTemplates(half)))).flat();

  describe.each(tune.map((template) => [template.name, template] as const))('tuned half: %s', (_, template) => {
    it.each(EDITS)('%s: the right verdict, the change named', (edit) => {
      for (const article of articles) {
        const outcome = runCase(template, article, edit);
        // `ok` also reads the counts the status line gives ("1 sentence edited"), as the browser test does.
        expect({ article: article.url, got: outcome.got, ok: outcome.ok }).toEqual({ article: article.url, got: outcome.expected, ok: true });
      }
    }, CASES_TIMEOUT_MS);
  });

  it('has the corpus it claims: templates, articles, and a page per case', () => {
    expect(tune.length).toBeGreaterThanOrEqual(minTemplates);
    expect(articles.length).toBeGreaterThanOrEqual(1);
  });
}
