import * as v from 'valibot';
import { CHANNEL } from './wire';

/** Every message to the worker and between extension pages; the worker's messages to content scripts are ContentEnvelope. */
export const Envelope = v.strictObject({
  channel: v.literal(CHANNEL),
  type: v.pipe(v.string(), v.maxLength(64)),
  payload: v.unknown(),
  /** The sidebar frame's token (see SenderRole 'sidebar'); absent from other senders. */
  token: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/))),
});
export type Envelope = v.InferOutput<typeof Envelope>;
