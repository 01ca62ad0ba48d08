/**
 * The wire format's tag and the function that wraps every message in it. No schema lives
 * here: the content script imports this module and bundles only the schemas it checks
 * (content-messages.ts); everyone else checks Envelope (envelope.ts).
 */

/** Lets receivers ignore messages that are not ours (other extensions' polyfills, devtools) without validating them. */
export const CHANNEL = 'backstory/1';

export interface WireMessage {
  channel: typeof CHANNEL;
  type: string;
  payload: unknown;
  token?: string;
}

export function envelope(type: string, payload: unknown, token?: string): WireMessage {
  return token === undefined ? { channel: CHANNEL, type, payload } : { channel: CHANNEL, type, payload, token };
}
