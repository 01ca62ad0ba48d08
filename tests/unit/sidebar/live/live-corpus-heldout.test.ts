// @vitest-environment happy-dom
/**
 * The held-out halves of the live-diff corpus (tests/fixtures/live-pages/), run so a crash on
 * them shows. Which verdict each case gets is measured by scripts/live-corpus-table.ts and
 * reported in docs/live-diff.md, never asserted here: reading a held-out failure would make the
 * half tune material. A file of its own, so its pages live in a worker of their own
 * (live-corpus.test.ts holds the tuned halves).
 */
import { describe, expect, it } from 'vitest';
import { corpusArticles, EDITS, loadTemplates } from '../../../fixtures/live-pages/corpus';
import { runCase } from '../../../fixtures/live-pages/matrix';

const articles = corpusArticles();
// Each test runs a template over every article (a few seconds on a loaded two-core machine).
const CASES_TIMEOUT_MS = 60_000;
// The half never tuned on: heldout5; the others are tune material (live-corpus*.test.ts; heldout12
// since round 12).
const heldout = await loadTemplates('heldout5');

describe.each(heldout.map((template) => [template.name, template] as const))('held-out half: %s', (_, template) => {
  it.each(EDITS)('%s: runs to a verdict', (edit) => {
    for (const article of articles) expect(runCase(template, article, edit).got).toBeDefined();
  }, CASES_TIMEOUT_MS);
});

it('has the held-out half it claims', () => {
  expect(heldout.length).toBeGreaterThanOrEqual(6);
});
