/**
 * Worker → every open extension page (sidebars, options page): what the worker announces,
 * each with the schema its payload must pass on receipt. Only ids travel; a page that
 * cares asks for the data (e.g. `notes/get`).
 */
import * as v from 'valibot';
import { browser } from '../browser';
import { ArticleId } from '../notes-schema';
import { Envelope } from './envelope';
import { envelope } from './wire';

export const broadcasts = {
  /** An article's notes changed: pages that show that article fetch the record again. */
  'notes/changed': v.strictObject({ articleId: ArticleId, revision: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
};

export type BroadcastType = keyof typeof broadcasts;
export type Broadcast<K extends BroadcastType> = v.InferOutput<(typeof broadcasts)[K]>;

/** Worker side: tells every open extension page. None open is not an error (nothing to tell then). */
export async function broadcast<K extends BroadcastType>(type: K, payload: Broadcast<K>): Promise<void> {
  await browser.runtime.sendMessage(envelope(type, payload)).catch(() => undefined);
}

/** Page side: calls `listener` with each announcement of `type` that passes its schema; returns the unsubscribe. */
export function onBroadcast<K extends BroadcastType>(type: K, listener: (payload: Broadcast<K>) => void): () => void {
  const schema: v.GenericSchema<unknown, Broadcast<K>> = broadcasts[type];
  const receive = (message: unknown): undefined => {
    if (!v.is(Envelope, message) || message.type !== type) return undefined;
    const payload = v.safeParse(schema, message.payload);
    if (payload.success) listener(payload.output);
    return undefined;
  };
  browser.runtime.onMessage.addListener(receive);
  return () => browser.runtime.onMessage.removeListener(receive);
}
