/**
 * TestBrowser over Debian's Firefox ESR with puppeteer-core (WebDriver BiDi): Playwright
 * cannot drive Firefox ESR. Pages are served by request interception at their real https
 * URL (Firefox has no host-resolver rules). WebDriver BiDi does not reach the extension's
 * background page, so the badge, context menus and extension windows are read and opened
 * there over the Remote Debugging Protocol (./firefox-rdp.ts), and a keyboard command is
 * run as the browser runs it: the shortcut's own <key> element in the browser window, in
 * the parent process. No page can reach either, and the build has no hook.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_DIR, FIREFOX_PATH } from '../paths';
import { suggestedKey } from './command-keys';
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

/** The manifest's suggested key of `command` as Firefox's <key> element spells it ("Alt+Shift+K" → key K, modifiers alt,shift). */
function commandKey(command: string): { key: string; modifiers: string } {
  const parts = suggestedKey(FIREFOX_EXTENSION_DIR, command);
  const key = parts.pop() ?? '';
  return { key, modifiers: parts.map((part) => (part === 'Ctrl' ? 'accel' : part.toLowerCase())).join(',') };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<TestBrowser & { browser: Browser; stopBackground(): Promise<void> }> {
  const dark = options.colorScheme === 'dark';
  const debuggerPort = await freePort();
  // Files the tests choose (WebDriver BiDi's input.setFiles takes paths) and files Firefox downloads.
  const files = mkdtempSync(join(tmpdir(), 'backstory-firefox-files-'));
  const uploads = join(files, 'uploads');
  const downloads = join(files, 'downloads');
  mkdirSync(uploads);
  mkdirSync(downloads);
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
      // Downloads go to the test folder without asking where.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'ui.systemUsesDarkTheme': dark ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1,
      // Every window private, as a user's "Always use private browsing mode" (about:preferences).
      ...(options.privateWindows ? { 'browser.privatebrowsing.autostart': true } : {}),
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

  let uploaded = 0;
  let downloadsAsked = 0;
  const frameOf = (frame: Frame, page: Page): TestFrame =>
    adaptFrame(frame as unknown as DriverFrame, page.keyboard, async (selector, file) => {
      const input = (await frame.$(selector)) as ElementHandle<HTMLInputElement> | null;
      if (!input) throw new Error(`no file input ${selector}`);
      const path = join(mkdtempSync(join(uploads, `${++uploaded}-`)), file.name);
      writeFileSync(path, file.content);
      await input.uploadFile(path);
      await input.dispose();
    });
  /** The next top-level page not in `known` (puppeteer's targetcreated also fires for iframes: each is checked against browser.pages()). */
  function newTopLevelPage(known: Set<Page>): Promise<Page> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        browser.off('targetcreated', check);
        reject(new Error('Firefox opened no new window within 10 s'));
      }, 10_000);
      function check(): void {
        void browser.pages().then((pages) => {
          const fresh = pages.find((candidate) => !known.has(candidate));
          if (!fresh) return;
          clearTimeout(timer);
          browser.off('targetcreated', check);
          resolve(fresh);
        });
      }
      browser.on('targetcreated', check);
      check();
    });
  }

  /** `address`: what the page shows when puppeteer cannot tell (an extension page reports about:blank). */
  const wrap = (page: Page, address?: string): TestPage => ({
    ...frameOf(page.mainFrame(), page),
    url: () => address ?? page.url(),
    async sidebar() {
      // Firefox reports the extension frame's URL as about:blank: find it by its content.
      const deadline = Date.now() + 15_000;
      for (;;) {
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          const found = await frame.$('#article-title').catch(() => null);
          if (found) return frameOf(frame, page);
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
    // The prompt is answered by the observer set at launch (permissionAnswer).
    clickAndAnswerPrompt: (selector) => page.click(selector),
    async clickMenuItem(id, at = { x: 200, y: 200 }) {
      await page.bringToFront();
      await page.mouse.click(at.x, at.y, { button: 'right' });
      // The menu the right click opened in the browser window, and the add-on's item in it
      // (ext-menus names it <widget id>-menuitem-_<item id>): activating it is the user's click.
      const address = await page.evaluate(() => location.href);
      const ran = await inParentProcess<string>(`(async () => {
        const url = ${JSON.stringify(address)};
        const win = [...Services.wm.getEnumerator('navigator:browser')].find((w) => w.gBrowser?.selectedBrowser?.currentURI?.spec === url);
        if (!win) return 'no browser window shows ' + url;
        const menu = win.document.getElementById('contentAreaContextMenu');
        const wait = (ms) => new Promise((resolve) => win.setTimeout(resolve, ms));
        for (const deadline = Date.now() + 5000; menu.state !== 'open'; await wait(20)) {
          if (Date.now() > deadline) return 'the right click opened no context menu (state ' + menu.state + ')';
        }
        const itemId = ${JSON.stringify(`${addonId.replace(/[^a-z0-9_-]/gi, '_')}-menuitem-_${id}`)};
        const item = [...menu.querySelectorAll('menuitem')].find((candidate) => candidate.id === itemId);
        if (!item || item.hidden || item.disabled) {
          menu.hidePopup();
          return 'the context menu has no usable item ' + itemId;
        }
        const closed = new Promise((resolve) => menu.addEventListener('popuphidden', resolve, { once: true }));
        menu.activateItem(item);
        await closed;
        return 'ran';
      })()`);
      if (ran !== 'ran') throw new Error(`Firefox: ${ran}`);
    },
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
    async download(trigger) {
      // Puppeteer's WebDriver BiDi layer has no download events: the browser's own download
      // list, in the parent process, is watched (from before the trigger) for a new entry to stop.
      const key = JSON.stringify(`backstoryDownload${++downloadsAsked}`);
      await inParentProcess(`(async () => {
        const { Downloads } = ChromeUtils.importESModule('resource://gre/modules/Downloads.sys.mjs');
        const { setTimeout } = ChromeUtils.importESModule('resource://gre/modules/Timer.sys.mjs');
        const list = await Downloads.getList(Downloads.ALL);
        const known = new Set(await list.getAll());
        globalThis[${key}] = new Promise((resolve) => {
          let finished = false;
          const done = (answer) => {
            if (finished) return;
            finished = true;
            list.removeView(view);
            resolve(answer);
          };
          const view = {
            onDownloadAdded: (download) => view.onDownloadChanged(download),
            onDownloadChanged: (download) => {
              if (known.has(download) || !download.stopped) return;
              done(download.succeeded ? { path: download.target.path } : { failed: String(download.error?.message ?? 'unknown error') });
            },
          };
          list.addView(view);
          setTimeout(() => done({ failed: 'no download finished within 15 s' }), 15000);
        });
        return null;
      })()`);
      await trigger();
      const saved = await inParentProcess<{ path?: string; failed?: string }>(`(async () => {
        try {
          return await globalThis[${key}];
        } finally {
          delete globalThis[${key}];
        }
      })()`);
      if (!saved.path) throw new Error(`Firefox: ${saved.failed}`);
      return { filename: basename(saved.path), content: await readFile(saved.path) };
    },
    async openExtensionWindow(path) {
      // Not by puppeteer's targets: its WebDriver BiDi layer reports every iframe as a new
      // "page" target (the sidebar attaching late is the first one to arrive), and Firefox's
      // Remote Agent sends no navigation or load event for moz-extension documents
      // (puppeteer#14314), so the window's own target stays "about:blank" and never loads.
      // The new top-level page is the one browser.pages() did not have; its load is the
      // extension's own tabs.onUpdated "complete" for the tab the window opened with.
      const url = `moz-extension://${FIREFOX_EXTENSION_UUID}/${path}`;
      const opened = newTopLevelPage(new Set(await browser.pages()));
      await inBackground(`(async () => {
        const url = ${JSON.stringify(url)};
        const { tabs } = await browser.windows.create({ url, type: 'popup', focused: false, width: 420, height: 600 });
        const tabId = tabs[0].id;
        await new Promise((resolve, reject) => {
          const loaded = (tab) => tab.id === tabId && tab.status === 'complete' && tab.url === url;
          const timer = setTimeout(() => {
            browser.tabs.onUpdated.removeListener(listener);
            reject(new Error(url + ' did not load within 10 s'));
          }, 10000);
          const listener = (_id, _change, tab) => {
            if (!loaded(tab)) return;
            clearTimeout(timer);
            browser.tabs.onUpdated.removeListener(listener);
            resolve();
          };
          browser.tabs.onUpdated.addListener(listener);
          // It may have loaded before the listener was added.
          browser.tabs.get(tabId).then((tab) => loaded(tab) && listener(tabId, {}, tab));
        });
        return null;
      })()`);
      const page = await opened;
      const shows = await page.evaluate(() => location.href);
      if (shows !== url) throw new Error(`the new window shows ${shows}, not ${url}`);
      return wrap(page, url);
    },
    close: () => page.close(),
  });

  async function open(url: string, viewport?: { width: number; height: number }): Promise<TestPage> {
    const page = await browser.newPage();
    if (viewport) await page.setViewport(viewport);
    await prepare(page);
    await page.goto(url);
    return wrap(page);
  }

  return {
    name: 'firefox',
    browser,
    serve: (url, body, options) => void pages.set(url, { body, ...options }),
    open,
    evaluateInBackground: inBackground,
    stopBackground: () => rdp.terminateBackground(addonId),
    async allowInPrivateWindows() {
      // As a user: about:addons, the add-on's details, "Run in Private Windows": Allow. The
      // radio's change reloads the add-on (about:addons does, so the new policy applies).
      const answer = await inParentProcess<{ was?: string; failed?: string }>(`(async () => {
        const id = ${JSON.stringify(addonId)};
        const win = Services.wm.getMostRecentWindow('navigator:browser');
        const wait = (ms) => new Promise((resolve) => win.setTimeout(resolve, ms));
        // In a tab of its own (opened on a blank tab, about:addons takes that tab), closed afterwards.
        const tab = win.gBrowser.addTrustedTab('about:addons');
        win.gBrowser.selectedTab = tab;
        await win.BrowserAddonUI.openAddonsMgr('addons://detail/' + encodeURIComponent(id));
        if (win.gBrowser.selectedTab !== tab) return { failed: 'about:addons opened in another tab' };
        const doc = win.gBrowser.selectedBrowser.contentDocument;
        let allow = null;
        for (const deadline = Date.now() + 10000; !(allow = doc.querySelector('.addon-detail-row-private-browsing input[value="1"]')); await wait(50)) {
          if (Date.now() > deadline) return { failed: 'about:addons shows no "Run in Private Windows" choice' };
        }
        const was = doc.querySelector('.addon-detail-row-private-browsing input:checked')?.value;
        allow.click();
        for (const deadline = Date.now() + 10000; !WebExtensionPolicy.getByID(id)?.privateBrowsingAllowed; await wait(50)) {
          if (Date.now() > deadline) return { failed: 'the add-on is still not allowed in private windows' };
        }
        win.gBrowser.removeTab(tab);
        return { was };
      })()`);
      if (answer.failed) throw new Error(`Firefox: ${answer.failed}`);
      if (answer.was !== '0') throw new Error(`Firefox: "Run in Private Windows" was ${answer.was} before the click, not "Don't Allow"`);
      // The reloaded background page, once it answers.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const allowed = await inBackground<boolean>('browser.extension.isAllowedIncognitoAccess()').catch(() => false);
        if (allowed) return;
        if (Date.now() > deadline) throw new Error('Firefox: the add-on did not start again in private windows');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async openPrivate(url, viewport) {
      if (!options.privateWindows) throw new Error('Firefox: openPrivate needs a browser launched with privateWindows (every window private)');
      return open(url, viewport);
    },
    async close() {
      rdp.close();
      await browser.close();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
