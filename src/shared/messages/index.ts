/**
 * Every message between the extension's contexts, declared once, in three maps by direction:
 *
 * - to the worker (`workerMessages`, composed of each feature's `*-messages.ts`): who may
 *   send it (checked by the router from the browser-provided `sender`, never from the
 *   payload), the schema its payload must pass on receipt, and what it answers, side by side;
 *   called with `sendToWorker` (./to-worker.ts), handled through src/background/router.ts;
 * - worker → a tab's content script (`contentMessages`, ./content-messages.ts): called with
 *   `callContentScript` (./to-content.ts), which checks the answer (./content-replies.ts);
 * - worker → every extension page (`broadcasts`, ./broadcasts.ts): `broadcast()` and
 *   `onBroadcast()`, checked on receipt.
 *
 * Import types from here; import what runs from the file that does it (to-worker,
 * to-content, broadcasts), so each bundle carries only the schemas it checks: the content
 * script, within its 10 KB, bundles only the content messages' request schemas.
 */
import type * as v from 'valibot';
import { captureMessages } from './capture-messages';
import { capturedMessages } from './captured-messages';
import { damagedMessages } from './damaged-messages';
import { liveMessages } from './live-messages';
import { notesMessages } from './notes-messages';
import { pageMessages } from './page-messages';

export type { SenderRole, MessageSpec } from './spec';
export type { PageMatch, SidebarContext } from './page-messages';
export type { ContentMessageType, ContentRequest, ContentResponse } from './content-messages';
export type { BroadcastType, Broadcast } from './broadcasts';

/** Messages handled by the background worker: one map, composed of each feature's declarations. */
export const workerMessages = {
  ...pageMessages,
  ...notesMessages,
  ...damagedMessages,
  ...liveMessages,
  ...captureMessages,
  ...capturedMessages,
};

export type WorkerMessageType = keyof typeof workerMessages;
export type WorkerRequest<K extends WorkerMessageType> = v.InferOutput<(typeof workerMessages)[K]['request']>;
export type WorkerResponse<K extends WorkerMessageType> = (typeof workerMessages)[K]['response'];
