import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the test build goes; set BACKSTORY_TEST_BUILD to keep parallel runs apart. */
export const TEST_BUILD_DIR = resolve(process.env.BACKSTORY_TEST_BUILD ?? 'dist-test');
export const CHROMIUM_EXTENSION_DIR = join(TEST_BUILD_DIR, 'chromium');
export const SCREENSHOT_DIR = resolve('test-results/screenshots');

/** Debian's Chromium: the binary itself, not the /usr/bin wrapper script. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('Chromium is missing: run `npm run browsers` (or apt-get install -y chromium)');
  return found;
}

export const FIREFOX_EXTENSION_DIR = join(TEST_BUILD_DIR, 'firefox');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
