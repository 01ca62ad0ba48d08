/**
 * "Archive this page": the worker's side. The user's action (the popup's button, the
 * page's context menu, the keyboard command) grants the extension that one tab
 * (`activeTab`); the worker then injects the page script (capture.js, isolated world,
 * src/content/capture/) into the tab's top frame, validates what it answers (the page is
 * untrusted: valibot, with lengths), and stores the article (./store.ts). From then on the
 * article is in the archive: the URL lookup finds it (./combined-archive.ts), and the
 * sidebar is shown on the tab at once, by the content script (injected here if the tab
 * has none).
 */
import * as v from 'valibot';
import { ARCHIVE_FORMAT_VERSION, articleFullText } from '../../shared/archive-format';
import { browser } from '../../shared/browser';
import { localDay } from '../../shared/calendar-date';
import { CAPTURE_SCHEMA_VERSION, CaptureScriptReply, type CapturedArticle, type CapturedPage } from '../../shared/captured-article';
import type { CaptureOutcome } from '../../shared/messages/capture-messages';
import { callContentScript } from '../../shared/messages/to-content';
import { CodedError } from '../../shared/result';
import { siteHost, tryUrlKey } from '../../shared/url-key';
import { workerArchive } from '../archive';
import { showArchivedBadge } from '../badge';
import { siteOf } from '../matcher';
import { readSettings, rememberSidebarState } from '../settings';
import { capturedEntities } from './entities-step';
import { mayCaptureIn } from './private-windows';
import { findCapturedByUrlKey, putCaptured } from './store';

/** The id of the article with this URL key: as the archive compiler makes it (scripts/archive/compile.ts). */
export async function articleIdOf(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
  return Array.from(digest.slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The address the browser reports for the tab (visible to the worker only while the user's action grants the tab). */
async function tabAddress(tabId: number): Promise<string | null> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return tab?.url ?? null;
}

const inTopFrame = (tabId: number) => ({ tabId, frameIds: [0] });

/**
 * Shows the tab's sidebar on `articleId`: the user asked for this article, so it opens even
 * on a site where they had closed it. A content script already showing the article is
 * told to open; otherwise the content script is injected (the tab had none: a site
 * Backstory has no access to on later visits; or one that was not showing this article,
 * which keeps running unused: docs/capture.md, Limits).
 */
export async function showSidebarIn(tabId: number, pageUrl: string, articleId: string): Promise<void> {
  const site = siteOf(pageUrl);
  const wasClosed = (await readSettings()).closedSites.includes(site);
  if (wasClosed) await rememberSidebarState(site, true);
  const shown = await callContentScript(tabId, 'content/shown-article', {}).catch(() => null);
  if (shown?.reply.articleId === articleId) {
    if (wasClosed) await callContentScript(tabId, 'content/toggle-sidebar', {});
    return;
  }
  await browser.scripting.executeScript({ target: inTopFrame(tabId), files: ['content.js'] });
}

/** The article as stored, from the page script's validated answer. */
async function capturedArticle(page: CapturedPage, pageUrl: string, key: string, now: Date): Promise<CapturedArticle> {
  const text = { title: page.title, summary: page.summary, paragraphs: page.paragraphs };
  const entities = await capturedEntities(articleFullText(text));
  return {
    schemaVersion: CAPTURE_SCHEMA_VERSION,
    format: ARCHIVE_FORMAT_VERSION,
    id: await articleIdOf(key),
    url: pageUrl,
    key,
    host: siteHost(new URL(pageUrl).hostname),
    date: page.published.date ?? localDay(now),
    ...text,
    entities: entities ?? [],
    entitiesExtracted: entities !== null,
    site: page.site,
    capturedAt: now.getTime(),
    dateSource: page.published.source,
    refusedDate: page.published.refused,
    truncated: page.truncated,
  };
}

/** How long a page may take to answer: a page whose scripts hold its thread (a hostile loop) must not leave the popup waiting. */
export const PAGE_ANSWER_MS = 15_000;

/** Runs the page script in the tab and checks its answer. */
async function readPage(tabId: number): Promise<CaptureScriptReply> {
  let results: Array<{ result?: unknown }>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CodedError('page-unreadable', `the page did not answer within ${PAGE_ANSWER_MS / 1000} s (a script on it may be busy); nothing was archived`)), PAGE_ANSWER_MS);
  });
  try {
    const reading = browser.scripting.executeScript({ target: inTopFrame(tabId), files: ['capture.js'] }).catch((error: unknown) => {
      throw new CodedError('tab-unreachable', `Backstory may not read this page: ${error instanceof Error ? error.message : String(error)}`);
    });
    results = await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
  }
  const reply = v.safeParse(CaptureScriptReply, results[0]?.result);
  if (!reply.success) throw new CodedError('page-unreadable', `the page did not give Backstory an article it can read (${v.summarize(reply.issues).split('\n')[0] ?? ''})`);
  return reply.output;
}

/**
 * Archives the page in `tabId`, which the user's action has just granted. An article
 * already in either archive is not captured again: its sidebar is shown.
 */
export async function captureTab(tabId: number, now = new Date()): Promise<CaptureOutcome> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (tab && !(await mayCaptureIn(tab))) return { status: 'private-window' };
  const pageUrl = tab?.url ?? null;
  const key = pageUrl === null ? null : tryUrlKey(pageUrl);
  if (pageUrl === null || key === null) return { status: 'not-a-page' };

  const knownId = await workerArchive.articleIdForKey(key);
  const known = knownId === null ? null : await workerArchive.catalogEntry(knownId);
  if (known) {
    await showSidebarIn(tabId, pageUrl, known.id);
    return { status: 'already-archived', articleId: known.id, title: known.title };
  }

  const reply = await readPage(tabId);
  if (!reply.ok) return { status: reply.reason };
  // The text is kept under the address the tab had when asked; a page that moved meanwhile (history.pushState) is another article.
  if (tryUrlKey(reply.page.url) !== key) throw new CodedError('page-unreadable', 'the page changed its address while it was being archived; nothing was archived, try again');
  const article = await putCaptured(await capturedArticle(reply.page, pageUrl, key, now));
  await showArchivedBadge(tabId, true).catch(() => undefined);
  await showSidebarIn(tabId, pageUrl, article.id);
  return { status: 'archived', articleId: article.id, title: article.title, truncated: article.truncated, refusedDate: article.refusedDate };
}

/**
 * When the popup opens on a captured page that shows no sidebar (Backstory was not allowed
 * on the site, so no content script runs there), opening the popup grants the tab: the
 * sidebar is shown then. Answers the article, or null when the tab's page is not captured.
 */
export async function showCapturedInTab(tabId: number): Promise<{ articleId: string; title: string } | null> {
  const pageUrl = await tabAddress(tabId);
  const key = pageUrl === null ? null : tryUrlKey(pageUrl);
  const captured = key === null ? null : await findCapturedByUrlKey(key);
  if (!pageUrl || !captured) return null;
  await browser.scripting.executeScript({ target: inTopFrame(tabId), files: ['content.js'] }).catch(() => undefined);
  await showArchivedBadge(tabId, true).catch(() => undefined);
  return { articleId: captured.id, title: captured.title };
}
