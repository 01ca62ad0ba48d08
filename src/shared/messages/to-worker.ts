/**
 * The calling side of the worker's messages (./index.ts): typed stubs for every context
 * that talks to the worker. Handlers answer with a Result; a failure becomes a thrown MessageError
 * here, carrying the worker's error code, so callers choose what to say from the code.
 */
import { browser } from '../browser';
// Types only from the message map, so the content script does not bundle every schema.
import type { WorkerMessageType, WorkerRequest, WorkerResponse } from './index';
import { envelope } from './wire';

/**
 * A failed call. `code` is the worker's error code as it arrived (an ErrorCode from a
 * worker of this build; read it with failureCode in src/shared/failures.ts, which checks it) or
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
      reply = await browser.runtime.sendMessage(envelope<WorkerMessageType>(type, payload, frameToken));
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
    // Any code is carried as text; failureCode (src/shared/failures.ts) accepts only declared ones.
    if (!result.ok) throw new MessageError(`${result.code}`, `${type}: ${result.error}`);
    return result.value as WorkerResponse<K>;
  }
}
