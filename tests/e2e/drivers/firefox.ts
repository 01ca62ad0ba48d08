/**
 * TestBrowser over Debian's Firefox ESR with puppeteer-core (WebDriver BiDi): Playwright
 * cannot drive Firefox ESR. Pages are served by request interception at their real https
 * URL (Firefox has no host-resolver rules). The extension's background is not a target
 * tests can evaluate in, so badge, commands and extension windows go through the test
 * build's hook (src/content/test-hooks.ts → src/background/test-hooks.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from '../paths';
import { adaptFrame, type DriverFrame } from './frame-adapter';
import { screenshotPath, servedPage, type ServedPages } from './served-pages';
import type { LaunchOptions, TestBrowser, TestFrame, TestPage } from './types';

/** Fixed, so extension URLs are known: moz-extension://<uuid>/… */
export const FIREFOX_EXTENSION_UUID = '5b1f9a38-7c2e-4a43-9a6e-2f0c1d5e8a71';
const VIEWPORT = { width: 1280, height: 800 };

function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  return manifest.browser_specific_settings.gecko.id;
}

/** Sends a request to the test hook through the page's content script and waits for the answer. */
function hook(page: Page, action: string, argument = ''): Promise<unknown> {
  return page.evaluate(
    (a, arg) =>
      new Promise((resolve, reject) => {
        const id = Math.random();
        const onReply = (event: MessageEvent): void => {
          const data = event.data as { backstoryTestHookReply?: number; result?: unknown; error?: string } | null;
          if (data?.backstoryTestHookReply !== id) return;
          removeEventListener('message', onReply);
          if (data.error) reject(new Error(data.error));
          else resolve(data.result);
        };
        addEventListener('message', onReply);
        postMessage({ backstoryTestHook: { id, action: a, argument: arg } }, '*');
      }),
    action,
    argument,
  );
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<TestBrowser & { browser: Browser }> {
  const dark = options.colorScheme === 'dark';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: FIREFOX_EXTENSION_UUID }),
      'dom.security.https_first': false,
      'ui.systemUsesDarkTheme': dark ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const pages: ServedPages = new Map();

  async function prepare(page: Page): Promise<void> {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      if (!/^https?:\/\//.test(url)) return void request.continue();
      void servedPage(pages, url).then((response) => request.respond(response));
    });
  }

  const frameOf = (frame: DriverFrame, page: Page): TestFrame => adaptFrame(frame, page.keyboard);
  const wrap = (page: Page): TestPage => ({
    ...frameOf(page.mainFrame() as unknown as DriverFrame, page),
    url: () => page.url(),
    async sidebar() {
      // Firefox reports the extension frame's URL as about:blank: find it by its content.
      const deadline = Date.now() + 15_000;
      for (;;) {
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          const found = await frame.$('#article-title').catch(() => null);
          if (found) return frameOf(frame as unknown as DriverFrame, page);
        }
        if (Date.now() > deadline) throw new Error('no sidebar frame appeared');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async screenshot(name) {
      const path = screenshotPath('firefox', name);
      await page.screenshot({ path });
      return path;
    },
    mouseClick: (x, y) => page.mouse.click(x, y),
    viewport: () => page.viewport() ?? VIEWPORT,
    goBack: async () => {
      await page.goBack();
    },
    bringToFront: () => page.bringToFront(),
    badge: async () => String(await hook(page, 'badge')),
    menuExists: async (id) => (await hook(page, 'menu-exists', id)) === true,
    async runCommand(command) {
      await page.bringToFront();
      await hook(page, 'command', command);
    },
    async openExtensionWindow(path) {
      // The new window's target reports about:blank for moz-extension pages: take the new one.
      const known = new Set(browser.targets());
      const target = browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: 10_000 });
      await hook(page, 'open-window', path);
      const opened = await (await target).page();
      if (!opened) throw new Error(`${path} opened, but not as a page`);
      await opened.waitForFunction((p) => location.pathname === `/${p}` && document.readyState === 'complete', {}, path);
      return wrap(opened);
    },
    close: () => page.close(),
  });

  return {
    name: 'firefox',
    browser,
    serve: (url, body, options) => void pages.set(url, { body, ...options }),
    async open(url, viewport) {
      const page = await browser.newPage();
      if (viewport) await page.setViewport(viewport);
      await prepare(page);
      await page.goto(url);
      return wrap(page);
    },
    close: () => browser.close(),
  };
}
