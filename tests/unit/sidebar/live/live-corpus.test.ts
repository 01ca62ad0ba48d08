// @vitest-environment happy-dom
/**
 * The live-diff corpus (tests/fixtures/live-pages/), its first tuned halves (tuned-corpus-cases.ts).
 * The held-out halves are measured by scripts/live-corpus-table.ts and reported in
 * docs/live-diff.md, and run in live-corpus-heldout.test.ts; heldout7 … heldout9 in
 * live-corpus-late.test.ts (files of their own: one worker holding every half's pages ran out of
 * its 4 GB heap once heldout8 came in).
 */
import { describeTunedHalves } from './tuned-corpus-cases';

// heldout … heldout4 and heldout6 were seen while tuning (docs/live-diff.md, "The corpus"): tune material now.
await describeTunedHalves(['tune', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout6'], 2);
