/**
 * TestBrowser over Debian's Firefox ESR with puppeteer-core (WebDriver BiDi): Playwright
 * cannot drive Firefox ESR. Pages are served by request interception at their real https
 * URL (Firefox has no host-resolver rules). WebDriver BiDi does not reach the extension's
 * background page, so the badge, context menus and extension windows are read and opened
 * there over the Remote Debugging Protocol (./firefox-rdp.ts), and a keyboard command is
 * run as the browser runs it: the shortcut's own <key> element in the browser window, in
 * the parent process. No page can reach either, and the build has no hook.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from '../paths';
import { FirefoxRdp, freePort, REMOTE_DEBUGGING_PREFS } from './firefox-rdp';
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

/** The manifest's suggested key of `command` as Firefox's <key> element spells it ("Alt+Shift+B" → key B, modifiers alt,shift). */
function commandKey(command: string): { key: string; modifiers: string } {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    commands: Record<string, { suggested_key: { default: string } }>;
  };
  const shortcut = manifest.commands[command]?.suggested_key.default;
  if (!shortcut) throw new Error(`the manifest has no command ${command}`);
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  return { key, modifiers: parts.map((part) => (part === 'Ctrl' ? 'accel' : part.toLowerCase())).join(',') };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<TestBrowser & { browser: Browser; stopBackground(): Promise<void> }> {
  const dark = options.colorScheme === 'dark';
  const debuggerPort = await freePort();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    defaultViewport: VIEWPORT,
    args: ['--start-debugger-server', String(debuggerPort)],
    extraPrefsFirefox: {
      ...REMOTE_DEBUGGING_PREFS,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: FIREFOX_EXTENSION_UUID }),
      'dom.security.https_first': false,
      'ui.systemUsesDarkTheme': dark ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const rdp = await FirefoxRdp.connect(debuggerPort);
  const addonId = geckoId();
  let backgroundConsole: Promise<string> | null = null;
  /** Evaluates in the background page; its console actor is looked up again once after a failure (the page may have been reloaded). */
  async function inBackground<T>(expression: string): Promise<T> {
    backgroundConsole ??= rdp.addonConsole(addonId);
    try {
      return await rdp.evaluate<T>(await backgroundConsole, expression);
    } catch (error) {
      backgroundConsole = rdp.addonConsole(addonId);
      if (String(error).includes('evaluation in Firefox failed')) throw error;
      return rdp.evaluate<T>(await backgroundConsole, expression);
    }
  }
  let parentConsole: Promise<string> | null = null;
  const inParentProcess = async <T>(expression: string): Promise<T> => rdp.evaluate<T>(await (parentConsole ??= rdp.parentProcessConsole()), expression);
  if (options.permissionAnswer) {
    // What the user's answer to the "Backstory requests additional permissions" doorhanger does.
    const answer = options.permissionAnswer === 'accept';
    await inParentProcess(`(() => {
      Services.obs.addObserver((subject) => subject.wrappedJSObject.resolve(${answer}), 'webextension-optional-permission-prompt');
      return null;
    })()`);
  }
  /** The active tab of the normal windows (one, in these tests), as the worker sees it. */
  const ACTIVE_TAB = `(await browser.tabs.query({ active: true, windowType: 'normal' }))[0]?.id`;
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
    goto: async (url) => {
      await page.goto(url);
    },
    bringToFront: () => page.bringToFront(),
    async badge() {
      await page.bringToFront();
      return inBackground<string>(`(async () => { const tabId = ${ACTIVE_TAB}; return tabId === undefined ? '' : browser.action.getBadgeText({ tabId }); })()`);
    },
    // No browser lists menu items; updating one succeeds only if it exists.
    menuExists: (id) => inBackground<boolean>(`browser.contextMenus.update(${JSON.stringify(id)}, {}).then(() => true, () => false)`),
    async clickAction() {
      await page.bringToFront();
      const address = await page.evaluate(() => location.href);
      const ran = await inParentProcess<string>(`(async () => {
        const url = ${JSON.stringify(address)};
        const win = [...Services.wm.getEnumerator('navigator:browser')].find((w) => w.gBrowser?.selectedBrowser?.currentURI?.spec === url);
        if (!win) return 'no browser window shows ' + url;
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(addonId)})?.extension;
        if (!extension) return 'the add-on is not running';
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const action = ExtensionParent.apiManager.global.browserActionFor?.(extension);
        if (!action) return 'the add-on has no toolbar button';
        // A click on the button while its popup is open only closes the popup (triggerAction),
        // granting nothing. A user's popup closes when they go back to the page or to another
        // tab; headless, the driver's page actions do not blur it, so it is closed here first.
        const { ViewPopup } = ChromeUtils.importESModule('resource:///modules/ExtensionPopups.sys.mjs');
        const settled = async (open) => {
          for (const deadline = Date.now() + 5000; Boolean(ViewPopup.for(extension, win)) !== open; ) {
            if (Date.now() > deadline) return false;
            await new Promise((resolve) => win.setTimeout(resolve, 20));
          }
          return true;
        };
        ViewPopup.for(extension, win)?.closePopup();
        if (!(await settled(false))) return 'the previous popup did not close';
        await action.triggerAction(win);
        // The popup opening is what shows the click was taken (and the tab granted).
        if (!(await settled(true))) return 'the toolbar button opened no popup';
        return 'ran';
      })()`);
      if (ran !== 'ran') throw new Error(`Firefox: ${ran}`);
    },
    async runCommand(command) {
      await page.bringToFront();
      // The shortcut's <key> in the browser window that shows this page: what pressing it runs.
      // The page's own address: puppeteer's page.url() is stale after a restore from the back-forward cache.
      const address = await page.evaluate(() => location.href);
      const ran = await inParentProcess<string>(`(() => {
        const url = ${JSON.stringify(address)};
        const windows = [...Services.wm.getEnumerator('navigator:browser')];
        const win = windows.find((w) => w.gBrowser?.selectedBrowser?.currentURI?.spec === url);
        if (!win) return 'no browser window shows ' + url;
        const keyset = win.document.getElementById('ext-keyset-id-' + ${JSON.stringify(addonId.replace(/[^a-z0-9_-]/gi, '_'))});
        const manifest = ${JSON.stringify(commandKey(command))};
        const key = [...(keyset?.children ?? [])].find((k) => k.getAttribute('key') === manifest.key && k.getAttribute('modifiers') === manifest.modifiers);
        if (!key) return 'no shortcut element for ' + ${JSON.stringify(command)};
        key.doCommand();
        return 'ran';
      })()`);
      if (ran !== 'ran') throw new Error(`Firefox: ${ran}`);
    },
    async openExtensionWindow(path) {
      // The new window's target reports about:blank for moz-extension pages: take the new one.
      const known = new Set(browser.targets());
      const target = browser.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: 10_000 });
      await inBackground(
        `browser.windows.create({ url: browser.runtime.getURL(${JSON.stringify(path)}), type: 'popup', focused: false, width: 420, height: 600 }).then(() => null)`,
      );
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
    evaluateInBackground: inBackground,
    stopBackground: () => rdp.terminateBackground(addonId),
    async close() {
      rdp.close();
      await browser.close();
    },
  };
}
