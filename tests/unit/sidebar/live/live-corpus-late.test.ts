// @vitest-environment happy-dom
/**
 * The live-diff corpus (tests/fixtures/live-pages/), its later tuned halves (tuned-corpus-cases.ts):
 * a file of its own, since live-corpus.test.ts holding every tuned half's pages ran out of its heap.
 */
import { describeTunedHalves } from './tuned-corpus-cases';

// heldout7 (round 7), heldout8 (round 8), heldout9 (round 9), heldout10 (round 10), heldout11 (round 11) and heldout12 (round 12) were seen while tuning: tune material now.
await describeTunedHalves(['heldout7', 'heldout8', 'heldout9', 'heldout10', 'heldout11', 'heldout12'], 36);
