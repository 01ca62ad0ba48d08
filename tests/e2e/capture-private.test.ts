/**
 * "Archive this page" in a private window, Chromium and Firefox, on the shipped build, as
 * the user gets there: the browser first lets Backstory run in private windows (its own
 * settings page: chrome://extensions "Allow in Incognito"; about:addons "Run in Private
 * Windows"), then a private window is opened (Chromium: an incognito window; Firefox:
 * every window private, "Always use private browsing mode"). With Backstory's own setting
 * off (the default) the popup offers no "Archive this page" and says why, and the keyboard
 * command archives nothing and keeps that answer for the popup; with the setting turned on
 * in the options page, both archive. No trigger asks for the site from a private tab: no site
 * is granted nor content script registered, though Firefox is set to accept a site request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlePage, captureSite, sidebarView } from './capture-helpers';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser, TestPage } from './drivers/types';
import { eventually } from './fixtures';

const OFF = "Archiving is off in private windows. Turn it on in Backstory's options if you want pages you read privately kept.";

/** The archive's captured records whose address is on `host`, and what the browser granted there. */
const traces = (browser: TestBrowser, host: string) =>
  browser.evaluateInBackground<{ captured: number; granted: string[]; registered: number }>(`(async () => {
    const api = globalThis.browser ?? chrome;
    const all = await api.storage.local.get(null);
    const captured = Object.entries(all).filter(([key, a]) => key.startsWith('captured:') && new URL(a.url).hostname.endsWith(${JSON.stringify(host)})).length;
    const granted = ((await api.permissions.getAll()).origins ?? []).filter((origin) => origin.includes(${JSON.stringify(host)}));
    return { captured, granted, registered: (await api.scripting.getRegisteredContentScripts()).length };
  })()`);

/**
 * What the worker keeps for the popup while `act` runs (a status, or an error's code), heard
 * as it is written: storage.session's change event, listened to in the worker before `act`.
 * The outcome is the popup's, taken once (read, then removed), and an action popup may take
 * it a few milliseconds after it is written: the one Chromium's clickAction opens to grant
 * the tab (it loads while the command runs) or the one the worker opens itself
 * (action.openPopup). Reading the stored outcome afterwards then finds none.
 */
async function outcomeKeptBy(browser: TestBrowser, act: () => Promise<void>): Promise<string> {
  await browser.evaluateInBackground(`(() => {
    const api = globalThis.browser ?? chrome;
    globalThis.backstoryTestKept = new Promise((resolve) => {
      const done = (answer) => {
        api.storage.onChanged.removeListener(heard);
        resolve(answer);
      };
      const heard = (changes, area) => {
        const { oldValue = {}, newValue = {} } = (area === 'session' && changes.captureOutcomes) || {};
        const written = Object.entries(newValue).filter(([tab, kept]) => oldValue[tab]?.at !== kept.at);
        if (written.length === 1) done(written[0][1].outcome?.status ?? written[0][1].code);
        else if (written.length > 1) done(JSON.stringify(Object.fromEntries(written)));
      };
      api.storage.onChanged.addListener(heard);
      // A deadline, so that a command that keeps nothing fails here, saying so.
      setTimeout(() => done('nothing kept within 10 s'), 10000);
    });
    return true;
  })()`);
  await act();
  return browser.evaluateInBackground<string>('globalThis.backstoryTestKept');
}

/**
 * The capture command, as the shortcut sends it. Firefox presses the real shortcut. Headless
 * Chromium has none: its worker's commands event is dispatched with the private window's
 * active tab, as Chromium's shortcut passes the tab it was pressed in (headless Chromium
 * reports every window focused, so the worker cannot be left to guess the window). The
 * toolbar action is clicked first for the grant of the tab the shortcut gives (activeTab);
 * the click toggles the action's popup (opens it, or closes one a click left open).
 */
async function runCaptureCommand(browserName: string, browser: TestBrowser, page: TestPage): Promise<void> {
  await page.bringToFront();
  if (browserName !== 'chromium') return page.runCommand('capture-page');
  await page.clickAction();
  const dispatched = await browser.evaluateInBackground<boolean>(`(async () => {
    const tabs = await chrome.tabs.query({ active: true });
    const tab = tabs.find((each) => each.incognito);
    if (!tab) return false;
    chrome.commands.onCommand.dispatch('capture-page', tab);
    return true;
  })()`);
  if (!dispatched) throw new Error('Chromium: no active tab in a private window to send the command to');
}

async function openPopup(page: TestPage): Promise<TestPage> {
  await page.clickAction();
  const popup = await page.openExtensionWindow('popup.html');
  await popup.waitFor('.page-status');
  return popup;
}

describe.each(testBrowsers())('capture in a private window, %s', (browserName) => {
  let browser: TestBrowser;
  const origin = captureSite(browserName, 'private');
  const host = new URL(origin).hostname.replace(/^www\./, '');
  beforeAll(async () => {
    // Firefox: a site request, were one made, would be granted (its prompt is answered "allow").
    // Chromium stays headless: a request there would draw no prompt and grant nothing either way.
    browser = await launch(browserName, { privateWindows: true, ...(browserName === 'firefox' ? { permissionAnswer: 'accept' as const } : {}) });
    await browser.allowInPrivateWindows();
  });
  afterAll(() => browser?.close());

  it('refuses while the setting is off, saying why; archives once the user turns it on; never asks for the site', async () => {
    const first = `${origin}/news/2024/private-reading`;
    const second = `${origin}/news/2024/private-by-command`;
    browser.serve(first, articlePage('Read in a private window', ''));
    browser.serve(second, articlePage('Archived privately from the keyboard', ''));
    const page = await browser.openPrivate(first);
    expect(await browser.evaluateInBackground<boolean>(`(globalThis.browser ?? chrome).extension.isAllowedIncognitoAccess()`)).toBe(true);

    // Off (the default): the popup has no button, only why.
    let popup = await openPopup(page);
    await popup.waitFor('.capture-outcome');
    expect(await popup.count('.capture-page')).toBe(0);
    expect(await popup.text('.capture-outcome')).toBe(OFF);
    await popup.screenshot('private-popup-off');
    await popup.close();

    // The keyboard command archives nothing, and keeps the answer for the popup, which says it.
    expect(await outcomeKeptBy(browser, () => runCaptureCommand(browserName, browser, page))).toBe('private-window');
    popup = await openPopup(page);
    await popup.waitFor('.capture-outcome');
    expect(await popup.text('.capture-outcome')).toBe(OFF);
    await popup.close();
    expect(await traces(browser, host)).toEqual({ captured: 0, granted: [], registered: 0 });

    // The user turns it on in the options page, which also says the browser allows Backstory there.
    const options = await page.openExtensionWindow('options.html');
    await options.waitFor('.capture-private:not([disabled])');
    expect(await options.text('.private-browser-status')).toMatch(/^Your browser lets Backstory run in private windows/);
    await options.click('.capture-private');
    expect(await eventually(() => options.evaluate(() => document.querySelector<HTMLInputElement>('.capture-private')?.checked, null), true)).toBe(true);
    await options.screenshot('private-options-on');
    await options.close();

    // Now the popup archives it, telling nothing of a site to allow; the sidebar opens in the private tab.
    popup = await openPopup(page);
    await popup.waitFor('.capture-page');
    expect(await popup.text('.capture-why')).toBe('Backstory keeps this article in your own archive, in this browser only.');
    await popup.click('.capture-page');
    await popup.waitFor('.capture-outcome');
    expect(await popup.text('.capture-outcome')).toBe('Archived: Read in a private window');
    const view = await sidebarView(page);
    expect(view.title).toBe('Read in a private window');
    expect(view.source).toContain('Archived by you');
    await popup.screenshot('private-popup-archived');
    await page.screenshot('private-page-sidebar');
    await popup.close();

    // And the keyboard command archives too.
    await page.goto(second);
    await runCaptureCommand(browserName, browser, page);
    expect((await sidebarView(page)).title).toBe('Archived privately from the keyboard');

    // Neither asked for the site: nothing granted, no content script registered for later visits.
    expect(await traces(browser, host)).toEqual({ captured: 2, granted: [], registered: 0 });
    await page.close();
  });
});
