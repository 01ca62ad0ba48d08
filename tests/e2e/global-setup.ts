/**
 * Builds the extension once for the browser tests, exactly as users get it (no hooks of
 * any kind exist: tests drive the extension's own contexts over the DevTools protocol in
 * Chromium and the Remote Debugging Protocol in Firefox), from the real seeds plus the test
 * fixture seeds (one sharing entities with the seed, one full of markup), into dist-test/
 * (or $BACKSTORY_TEST_BUILD). tests/e2e/shipped-build.test.ts checks that its code is
 * byte for byte the code of `npm run build`.
 */
import { resolve } from 'node:path';
import { build } from '../../scripts/build';
import { TEST_BUILD_DIR } from './paths';

/** The seed folders of the browser tests' archive. */
export const TEST_SEED_DIRS = [resolve('seeds'), resolve('tests/fixtures/seeds'), resolve('tests/fixtures/hostile-seeds')];

export default async function setup(): Promise<void> {
  await build({ seedDirs: TEST_SEED_DIRS, outDir: TEST_BUILD_DIR });
}
