/**
 * The calling side of src/shared/messages.ts: typed stubs for every context that talks
 * to the worker. Handlers answer with a Result; a failure becomes a thrown MessageError
 * here, carrying the worker's error code, so callers choose what to say from the code.
 */
import * as v from 'valibot';
import { browser } from './browser';
// Types only from the message map, so the content script does not bundle every schema.
import type { ContentMessageType, ContentRequest, WorkerMessageType, WorkerRequest, WorkerResponse } from './messages';
import { envelope } from './messages/wire';

/**
 * A failed call. `code` is the worker's error code as it arrived (an ErrorCode from a
 * worker of this build; read it with failureCode in ./failures.ts, which checks it) or
 * worker-unreachable when no answer came.
 */
export class MessageError extends Error {
  override name = 'MessageError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Chromium says this while an MV3 worker is starting; Firefox while the event page wakes. */
const WORKER_NOT_READY = /Receiving end does not exist|Could not establish connection/i;
const RETRY_DELAYS_MS = [50, 150, 400];
const UNREACHABLE = 'worker-unreachable';

/** Set once by the sidebar frame: its tab's token, sent with every message (see SenderRole 'sidebar'). */
let frameToken: string | undefined;
export function useSidebarToken(token: string): void {
  frameToken = token;
}
/** The sidebar frame's token, for what it sends other than messages (its draft port). */
export function sidebarToken(): string | undefined {
  return frameToken;
}

export async function sendToWorker<K extends WorkerMessageType>(
  type: K,
  payload: WorkerRequest<K>,
): Promise<WorkerResponse<K>> {
  for (let attempt = 0; ; attempt++) {
    let reply: unknown;
    try {
      reply = await browser.runtime.sendMessage(envelope(type, payload, frameToken));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay !== undefined && WORKER_NOT_READY.test(why)) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        continue;
      }
      throw new MessageError(UNREACHABLE, `${type}: ${why}`);
    }
    // Checked by shape, not with a schema: the content script carries this code (≤ 10 KB).
    const result = reply as { ok?: unknown; code?: unknown; error?: unknown; value?: unknown } | null | undefined;
    if (typeof result?.ok !== 'boolean') throw new MessageError(UNREACHABLE, `${type}: no answer from the worker`);
    // Any code is carried as text; failureCode (./failures.ts) accepts only declared ones.
    if (!result.ok) throw new MessageError(`${result.code}`, `${type}: ${result.error}`);
    return result.value as WorkerResponse<K>;
  }
}

/**
 * Worker → a tab's content script (top frame), for its answer, checked against `reply`.
 * Resolves null when no content script of ours listens there (the tab shows another site).
 */
export async function askContentScript<K extends ContentMessageType, T>(
  tabId: number,
  type: K,
  payload: ContentRequest<K>,
  reply: v.GenericSchema<unknown, T>,
): Promise<T | null> {
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tabId, envelope(type, payload), { frameId: 0 });
  } catch {
    return null;
  }
  const parsed = v.safeParse(reply, answer);
  if (!parsed.success) throw new MessageError('tab-unreachable', `${type}: the content script answered ${JSON.stringify(answer)}`);
  return parsed.output;
}

/** Worker → a tab's content script (top frame). Resolves false if no content script listens. */
export async function sendToContentScript<K extends ContentMessageType>(
  tabId: number,
  type: K,
  payload: ContentRequest<K>,
): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, envelope(type, payload), { frameId: 0 });
    return true;
  } catch {
    return false;
  }
}
