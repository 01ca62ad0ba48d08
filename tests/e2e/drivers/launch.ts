/** Which browsers the cross-browser tests run in, and how to start one. */
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { BrowserName, LaunchOptions, TestBrowser } from './types';

/** BACKSTORY_BROWSERS=chromium (or firefox) narrows a run to one browser. */
export function testBrowsers(): BrowserName[] {
  const names = (process.env.BACKSTORY_BROWSERS ?? 'chromium,firefox').split(',').map((name) => name.trim());
  return names.filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');
}

export function launch(name: BrowserName, options: LaunchOptions = {}): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}
