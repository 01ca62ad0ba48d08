/**
 * The ways to "Archive this page" that run in the worker: the page's context menu and the
 * keyboard command (the popup's button sends popup/capture, ./handlers.ts). Each is a user
 * action, which grants the extension the tab (activeTab) and lets it ask for the site
 * (permissions.request, called first, before anything is awaited: Firefox allows it only
 * while it handles the action). The capture does not wait for the answer: declining
 * changes only later visits.
 *
 * Neither has a place to show an outcome: an archived page shows its sidebar; otherwise
 * (nothing to archive, too large, refused) the outcome is kept for the tab and the popup
 * is opened where the browser allows it, to say so; else the popup says it when opened.
 */
import * as v from 'valibot';
import { browser, t, type Tabs } from '../../shared/browser';
import type { CaptureOutcome, LastCapture } from '../../shared/messages/capture-messages';
import { errorCode } from '../../shared/result';
import { activeTabId } from '../active-tab';
import { storageItem, updateItem } from '../storage';
import { captureTab } from './capture';
import { requestSiteAccess } from './site-access';

export const CAPTURE_MENU_ID = 'backstory-capture-page';
export const CAPTURE_COMMAND = 'capture-page';

/** What the last capture in a tab did, for the popup (kept per tab in storage.session). */
type TabOutcome = LastCapture;

const STATUSES = ['archived', 'already-archived', 'no-article', 'too-large', 'not-a-page', 'private-window'] as const satisfies readonly CaptureOutcome['status'][];
/** Only this worker writes it; checked on read all the same, as every stored item is. */
const Outcomes = v.record(
  v.string(),
  v.union([
    v.object({ at: v.number(), outcome: v.looseObject({ status: v.picklist(STATUSES) }) }),
    v.object({ at: v.number(), failed: v.string(), code: v.string() }),
  ]),
) as v.GenericSchema<unknown, Record<string, TabOutcome>>;
const outcomesItem = storageItem<Record<string, TabOutcome>>('session', 'captureOutcomes', Outcomes, () => ({}));
/** An outcome older than this is not news when the popup opens. */
const OUTCOME_SHOWN_MS = 60_000;

async function keepOutcome(tabId: number, outcome: TabOutcome): Promise<void> {
  await updateItem(outcomesItem, (all) => ({ ...all, [String(tabId)]: outcome }));
}

/** The tab's last capture outcome, if it is recent, once (it is removed when read). */
export async function takeOutcome(tabId: number, now = Date.now()): Promise<TabOutcome | null> {
  // Taken inside the one update (the key's lock, a fresh read): two popups cannot both be told.
  let kept = undefined as TabOutcome | undefined;
  await updateItem(outcomesItem, (all) => {
    kept = all[String(tabId)];
    if (!kept) return all;
    const next = { ...all };
    delete next[String(tabId)];
    return next;
  });
  return kept && now - kept.at <= OUTCOME_SHOWN_MS ? kept : null;
}

/** Captures from a menu or command: the outcome goes where the user will see it. */
async function captureFromAction(tabId: number): Promise<void> {
  let kept: TabOutcome;
  try {
    const outcome = await captureTab(tabId);
    if (outcome.status === 'archived' || outcome.status === 'already-archived') return;
    kept = { at: Date.now(), outcome };
  } catch (error) {
    kept = { at: Date.now(), failed: error instanceof Error ? error.message : String(error), code: errorCode(error) };
  }
  await keepOutcome(tabId, kept);
  // Chromium 127+ opens the popup on request; elsewhere the popup says it when next opened.
  await (browser.action as { openPopup?: () => Promise<void> }).openPopup?.().catch(() => undefined);
}

/** The context-menu item; created with the others at install (src/background/main.ts). */
export function createCaptureMenu(): void {
  browser.contextMenus.create({
    id: CAPTURE_MENU_ID,
    title: t('captureMenuItem'),
    contexts: ['page'],
    documentUrlPatterns: ['http://*/*', 'https://*/*'],
  });
}

export function installCaptureTriggers(): void {
  browser.contextMenus.onClicked.addListener((info, tab?: Tabs.Tab) => {
    if (info.menuItemId !== CAPTURE_MENU_ID || tab?.id === undefined) return;
    if (!tab.incognito) void requestSiteAccess(tab.url ?? info.pageUrl);
    void captureFromAction(tab.id);
  });
  browser.commands.onCommand.addListener((command: string, tab?: Tabs.Tab) => {
    if (command !== CAPTURE_COMMAND) return;
    // Never from a private window: a granted site would register the content script for
    // every window, a lasting trace of private reading (even when capture is allowed there,
    // the sidebar of later visits is not asked for from a private window).
    if (tab?.incognito !== true) void requestSiteAccess(tab?.url);
    void (tab?.id !== undefined ? Promise.resolve(tab.id) : activeTabId()).then((tabId) => (tabId === null ? undefined : captureFromAction(tabId)));
  });
}
