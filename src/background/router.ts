/**
 * Receives every runtime message addressed to the worker: drops what is not ours, checks
 * the sender's role against the message's declaration, validates the payload, and answers
 * with a Result so errors reach the caller with their code (src/shared/result.ts).
 */
import * as v from 'valibot';
import { browser, type Runtime } from '../shared/browser';
import { Envelope } from '../shared/messages/envelope';
import {
  workerMessages,
  type SenderRole,
  type WorkerMessageType,
  type WorkerRequest,
  type WorkerResponse,
} from '../shared/messages';
import { RecentMap } from '../shared/recent-map';
import { failure, ok, type Result } from '../shared/result';

/** What a handler learns of the sender: only what the browser vouches for. */
export interface SenderInfo {
  role: SenderRole;
  /** The tab the sender runs in (content scripts, sidebar frames); undefined for the popup. */
  tabId: number | undefined;
  /**
   * For content scripts, the URL of the page they run in, as the browser reports it
   * (sender.url: the frame's document; tab.url needs the "tabs" permission we do not ask for).
   */
  pageUrl: string | undefined;
  frameId: number | undefined;
  /** For the sidebar frame: the article its tab shows, established from its token. */
  sidebar: SidebarSession | undefined;
}

/** What a valid sidebar token stands for. */
export interface SidebarSession {
  articleId: string;
  pageUrl: string;
  /** The article is a capture of the user's (src/background/capture/). */
  captured?: boolean | undefined;
}

/** Checks a sidebar frame's token against the frame's own tab; throws when they do not match. */
export type SidebarVerifier = (tabId: number | undefined, token: string) => Promise<SidebarSession>;

export type Handlers = {
  [K in WorkerMessageType]: (request: WorkerRequest<K>, sender: SenderInfo) => Promise<WorkerResponse<K>>;
};

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);

/** What the role depends on in a sender's URL. */
export type SenderUrl = Readonly<Pick<URL, 'protocol' | 'pathname'>>;

/**
 * Senders' URLs parsed so far: the popup sends several messages a keystroke from one URL,
 * and `new URL` on each was a measurable share of a message's cost in the worker. Bounded:
 * a content script's page URL differs per page.
 */
const parsedUrls = new RecentMap<string, SenderUrl | null>(64);

/** The sender URL's scheme and path, parsed once per URL string while it is asked for; null when it does not parse. */
export function parseSenderUrl(url: string): SenderUrl | null {
  return parsedUrls.getOrSet(url, () => {
    try {
      const { protocol, pathname } = new URL(url);
      return Object.freeze({ protocol, pathname });
    } catch {
      return null;
    }
  });
}

/**
 * Classifies a sender, or returns null for senders we never answer (other extensions,
 * sub-frames). Only our own pages have both our id and an extension-scheme URL; the host
 * of that URL is not compared because Chromium serves `use_dynamic_url` resources (the
 * sidebar frame) from a per-session origin that differs from the extension id.
 */
export function senderRole(sender: Runtime.MessageSender, ownId: string): SenderRole | null {
  if (sender.id !== ownId || !sender.url) return null;
  const url = parseSenderUrl(sender.url);
  if (url === null) return null;
  const { protocol } = url;
  if (EXTENSION_SCHEMES.has(protocol)) {
    // sidebar.html is web-accessible, so a page could frame it: it gets a role of its own.
    return url.pathname === '/sidebar.html' ? 'sidebar' : 'extension-page';
  }
  // Our content script runs only in top frames of web pages (all_frames is off).
  if (sender.tab?.id !== undefined && sender.frameId === 0 && /^https?:$/.test(protocol)) return 'content-script';
  return null;
}

function isWorkerMessageType(type: string): type is WorkerMessageType {
  return Object.hasOwn(workerMessages, type);
}

/** A request's article, for the rule that a sidebar frame may only address its own article. */
function addressedArticle(request: unknown): string | undefined {
  const articleId = (request as { articleId?: unknown } | null)?.articleId;
  return typeof articleId === 'string' ? articleId : undefined;
}

export async function dispatch(
  handlers: Handlers,
  message: Envelope,
  sender: Runtime.MessageSender,
  verifySidebar: SidebarVerifier,
): Promise<Result<unknown>> {
  const { type, payload, token } = message;
  if (!isWorkerMessageType(type)) return failure(`unknown message type ${JSON.stringify(type)}`, 'unknown-message');

  const role = senderRole(sender, browser.runtime.id);
  const declaration = workerMessages[type];
  if (role === null || !(declaration.from as readonly SenderRole[]).includes(role)) {
    return failure(`${type} is not accepted from this sender`, 'forbidden');
  }
  const request = v.safeParse(declaration.request, payload);
  if (!request.success) {
    return failure(`invalid ${type} payload: ${v.summarize(request.issues).replace(/\n/g, '; ')}`, 'invalid-request');
  }
  try {
    let sidebar: SidebarSession | undefined;
    if (role === 'sidebar') {
      // Only the frame our content script made knows its tab's token (it is in the frame's
      // URL fragment, inside a closed shadow root); a page framing sidebar.html does not.
      if (token === undefined) return failure(`${type} from the sidebar needs its token`, 'forbidden');
      try {
        sidebar = await verifySidebar(sender.tab?.id, token);
      } catch (error) {
        return failure(error, 'forbidden');
      }
      const articleId = addressedArticle(request.output);
      if (articleId !== undefined && articleId !== sidebar.articleId) {
        return failure(`${type}: this sidebar shows another article`, 'forbidden');
      }
    }
    const info: SenderInfo = {
      role,
      tabId: sender.tab?.id,
      pageUrl: role === 'content-script' ? sender.url : undefined,
      frameId: sender.frameId,
      sidebar,
    };
    const handler = handlers[type] as (request: unknown, sender: SenderInfo) => Promise<unknown>;
    return ok(await handler(request.output, info));
  } catch (error) {
    return failure(error);
  }
}

export function listen(handlers: Handlers, verifySidebar: SidebarVerifier): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Not ours (another extension's polyfill, devtools): stay silent so others may answer.
    if (!v.is(Envelope, message)) return undefined;
    return dispatch(handlers, message, sender, verifySidebar);
  });
}

/** The handlers of one feature's messages; main.ts composes them into `Handlers`. */
export type FeatureHandlers<K extends WorkerMessageType> = Pick<Handlers, K>;
