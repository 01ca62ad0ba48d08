/**
 * The wire format's tag and the function that wraps every message in it. No schema lives
 * here: the content script imports this module and bundles only the schemas it checks
 * (content-messages.ts); everyone else checks Envelope (envelope.ts).
 */
import type { Broadcast, BroadcastType } from './broadcasts';
import type { ContentMessageType, ContentRequest } from './content-messages';
import type { WorkerMessageType, WorkerRequest } from './index';

/** Lets receivers ignore messages that are not ours (other extensions' polyfills, devtools) without validating them. */
export const CHANNEL = 'backstory/1';

/** Every declared message type with its payload: nothing else can be put on the wire. */
type Payloads = { [K in WorkerMessageType]: WorkerRequest<K> } & { [K in ContentMessageType]: ContentRequest<K> } & {
  [K in BroadcastType]: Broadcast<K>;
};
export type MessageType = keyof Payloads;

export interface WireMessage<K extends MessageType = MessageType> {
  channel: typeof CHANNEL;
  type: K;
  payload: Payloads[K];
  token?: string;
}

/** Wraps a declared message; an undeclared type, or a payload of another shape, is a type error. */
export function envelope<K extends MessageType>(type: K, payload: Payloads[K], token?: string): WireMessage<K> {
  return token === undefined ? { channel: CHANNEL, type, payload } : { channel: CHANNEL, type, payload, token };
}
