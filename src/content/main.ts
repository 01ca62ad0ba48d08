/**
 * The content script: runs only on the archive's hosts (see the generated manifest), asks
 * the worker whether this page is an archived article, and if it is, shows the sidebar
 * frame. It carries no archive data and no notes: the sidebar loads those itself.
 */
import * as v from 'valibot';
import { browser, type Runtime } from '../shared/browser';
import type { PageMatch } from '../shared/messages';
import { contentMessages } from '../shared/messages/content-messages';
import { Envelope } from '../shared/messages/envelope';
import { sendToWorker } from '../shared/messenger';
import { livePageSnapshot } from './live-page';
import { readPageClaims, watchAddress } from './page-signals';
import { SidebarFrame } from './sidebar-frame';
import { installTestHooks } from './test-hooks';

let frame: SidebarFrame | null = null;
let lookup = 0;

function rememberState(open: boolean, width?: number): void {
  void sendToWorker('page/sidebar-state', width === undefined ? { open } : { open, width });
}

function show(match: PageMatch): void {
  if (!frame) frame = new SidebarFrame({ onOpenChange: rememberState, onResize: (width) => rememberState(true, width) });
  frame.show(match);
}

async function matchThisPage(): Promise<void> {
  const thisLookup = ++lookup;
  const match = await sendToWorker('page/match', readPageClaims());
  if (thisLookup !== lookup) return; // The address changed again while we asked.
  if (match) show(match);
  else {
    frame?.remove();
    frame = null;
  }
}

// content/live-page answers at once with sendResponse (both browsers; the types only know the
// async forms), so the listener is cast; every other message gets no answer, as before.
browser.runtime.onMessage.addListener(((message: unknown, sender: Runtime.MessageSender, sendResponse: (response: unknown) => void) => {
  if (sender.id !== browser.runtime.id || !v.is(Envelope, message)) return undefined;
  if (message.type === 'content/toggle-sidebar' && v.is(contentMessages['content/toggle-sidebar'], message.payload)) {
    frame?.toggle();
  } else if (message.type === 'content/close-sidebar' && v.is(contentMessages['content/close-sidebar'], message.payload)) {
    frame?.close();
  } else if (message.type === 'content/live-page' && v.is(contentMessages['content/live-page'], message.payload)) {
    sendResponse(livePageSnapshot(frame?.isOpen ?? false));
  }
  return undefined;
}) as (message: unknown, sender: Runtime.MessageSender) => undefined);

if (__TEST_HOOKS__) installTestHooks();
watchAddress(() => void matchThisPage());
void matchThisPage();
