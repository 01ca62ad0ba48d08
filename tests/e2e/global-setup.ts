/**
 * Builds the extension once for the browser tests: the real seeds plus the test fixture
 * seeds (one sharing entities with the seed, one full of markup), with the test hooks on
 * (see scripts/build.ts), into dist-test/ (or $BACKSTORY_TEST_BUILD).
 */
import { resolve } from 'node:path';
import { build } from '../../scripts/build';
import { TEST_BUILD_DIR } from './paths';

export default async function setup(): Promise<void> {
  await build({
    seedDirs: [resolve('seeds'), resolve('tests/fixtures/seeds'), resolve('tests/fixtures/hostile-seeds')],
    outDir: TEST_BUILD_DIR,
    testHooks: true,
  });
}
