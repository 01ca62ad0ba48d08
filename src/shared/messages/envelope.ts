import * as v from 'valibot';

/**
 * The wire format. The channel tag lets receivers ignore messages that are not ours
 * (other extensions' polyfills, devtools) without trying to validate them.
 */
export const CHANNEL = 'backstory/1';

export const Envelope = v.strictObject({
  channel: v.literal(CHANNEL),
  type: v.pipe(v.string(), v.maxLength(64)),
  payload: v.unknown(),
  /** The sidebar frame's token (see SenderRole 'sidebar'); absent from other senders. */
  token: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/))),
});
export type Envelope = v.InferOutput<typeof Envelope>;

export function envelope(type: string, payload: unknown, token?: string): Envelope {
  return token === undefined ? { channel: CHANNEL, type, payload } : { channel: CHANNEL, type, payload, token };
}
