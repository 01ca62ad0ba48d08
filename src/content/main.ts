/**
 * The content script: runs only on the archive's hosts (see the generated manifest), asks
 * the worker whether this page is an archived article, and if it is, shows the sidebar
 * frame. It carries no archive data and no notes: the sidebar loads those itself.
 *
 * It runs at document_start, so the question is asked and the sidebar frame starts
 * loading while the page itself is still arriving; only a page whose own address is not
 * archived waits for its <head> to see whether rel=canonical or og:url names an article.
 */
import * as v from 'valibot';
import { browser, type Runtime } from '../shared/browser';
import type { PageMatch } from '../shared/messages';
import { ContentEnvelope, contentMessages, type ContentMessageType, type ContentResponse } from '../shared/messages/content-messages';
import { sendToWorker } from '../shared/messages/to-worker';
import { livePageSnapshot } from './live-page';
import { headParsed, readPageClaims, watchAddress, whenParsed, type PageClaims } from './page-signals';
import { SidebarFrame } from './sidebar-frame';

let frame: SidebarFrame | null = null;
/** The article the sidebar shows; null while there is none. */
let shownArticle: string | null = null;
let lookup = 0;

function rememberState(open: boolean, width?: number): void {
  void sendToWorker('page/sidebar-state', width === undefined ? { open } : { open, width });
}

/** Whether the page's links name an address other than the one already asked about. */
const claimsAnotherAddress = ({ href, canonical, ogUrl }: PageClaims): boolean =>
  (canonical !== null && canonical !== href) || (ogUrl !== null && ogUrl !== href);

/** The archived article this page is: by its address, else by the links its <head> claims. */
async function findMatch(isCurrent: () => boolean): Promise<PageMatch | null> {
  if (headParsed()) return sendToWorker('page/match', readPageClaims());
  const byAddress = await sendToWorker('page/match', { href: location.href, canonical: null, ogUrl: null });
  if (byAddress) return byAddress;
  await whenParsed();
  const claims = readPageClaims();
  return isCurrent() && claimsAnotherAddress(claims) ? sendToWorker('page/match', claims) : null;
}

async function matchThisPage(): Promise<void> {
  const thisLookup = ++lookup;
  const isCurrent = (): boolean => thisLookup === lookup; // The address may change again while we ask.
  const match = await findMatch(isCurrent);
  // Both browsers make the root element before running a document_start script; else it is there once parsed.
  const root = match ? (document.documentElement ?? (await whenParsed(), document.documentElement)) : null;
  if (!isCurrent()) return;
  if (match && root) {
    listenToWorker();
    if (frame) frame.show(match);
    else frame = new SidebarFrame(root, match, { onOpenChange: rememberState, onResize: (width) => rememberState(true, width) });
    shownArticle = match.articleId;
  } else {
    frame?.remove();
    frame = null;
    shownArticle = null;
  }
}

type Reply = (response: unknown) => void;

/**
 * What each worker message does here. True keeps the reply open (both browsers):
 * content/live-page answers once the page is parsed, as the sidebar, started at
 * document_start, may ask while it is still arriving.
 */
const contentHandlers: { [K in ContentMessageType]: (reply: (response: ContentResponse<K>) => void) => boolean } = {
  'content/toggle-sidebar': () => {
    frame?.toggle();
    return false;
  },
  'content/close-sidebar': () => {
    frame?.close();
    return false;
  },
  'content/live-page': (reply) => {
    void whenParsed().then(() => reply(livePageSnapshot(frame?.isOpen ?? false)));
    return true;
  },
  'content/shown-article': (reply) => {
    reply({ articleId: shownArticle });
    return false;
  },
};

// The types only know the promise form of a listener; this one answers with sendResponse.
const onWorkerMessage = ((message: unknown, sender: Runtime.MessageSender, sendResponse: Reply) => {
  if (sender.id !== browser.runtime.id || !v.is(ContentEnvelope, message) || !v.is(contentMessages[message.type], message.payload)) return undefined;
  return contentHandlers[message.type](sendResponse) || undefined;
}) as (message: unknown, sender: Runtime.MessageSender) => undefined;

/**
 * The worker writes only to tabs that show the sidebar, so the listener is added with the
 * first sidebar: each extension API a script first touches costs the page a few ms to set up.
 */
function listenToWorker(): void {
  if (!browser.runtime.onMessage.hasListener(onWorkerMessage)) browser.runtime.onMessage.addListener(onWorkerMessage);
}

watchAddress(() => void matchThisPage());
void matchThisPage();
