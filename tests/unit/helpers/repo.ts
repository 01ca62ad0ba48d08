/** Paths and files of the repository, for unit tests that read real seeds and fixtures. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a repository file given relative to the repository root. */
export function fromRoot(path: string): string {
  return fileURLToPath(new URL(`../../../${path}`, import.meta.url));
}

export function readRepoFile(path: string): string {
  return readFileSync(fromRoot(path), 'utf8');
}

/** The real seed every test starts from. */
export const SEED_FILE = 'seeds/000_59385ec765e4fea4.txt';
export const SEED_URL =
  'https://sputnikglobe.com/20240208/iraqi-militias-vow-steadfast-holy-war-against-us-occupation-after-commanders-killing-1116665114.html';

/** A second, made-up seed on the same site (tests/fixtures/seeds/). */
export const FIXTURE_SEED_FILE = 'tests/fixtures/seeds/fixture_kirby_strikes.txt';
export const FIXTURE_SEED_URL = 'https://sputnikglobe.com/20240203/us-strikes-iraq-syria-kirby-1116600000.html';

export const BAD_SEEDS_DIR = 'tests/fixtures/bad-seeds';
