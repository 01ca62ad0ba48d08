import { join, resolve } from 'node:path';

/** Where the test build goes; set BACKSTORY_TEST_BUILD to keep parallel runs apart. */
export const TEST_BUILD_DIR = resolve(process.env.BACKSTORY_TEST_BUILD ?? 'dist-test');
export const CHROMIUM_EXTENSION_DIR = join(TEST_BUILD_DIR, 'chromium');
export const SCREENSHOT_DIR = resolve('test-results/screenshots');

export { chromiumPath } from '../../scripts/chromium-extension';

export const FIREFOX_EXTENSION_DIR = join(TEST_BUILD_DIR, 'firefox');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
