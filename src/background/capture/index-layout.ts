/**
 * How the store's index of captured articles is laid out in storage.local (the store,
 * src/background/capture/store.ts, owns it; the benchmarks write it the same way):
 *
 *   captured-index:<hh>   { schemaVersion, articles: { <id>: CapturedSummary } } for the ids
 *                         starting with the two hex digits hh: 256 shards, so a capture or a
 *                         delete rewrites 1/256 of the index, never all of it.
 */
import type { CapturedSummary } from '../../shared/captured-article';

export const CAPTURED_INDEX_PREFIX = 'captured-index:';
/** Version of the index's layout (the shards), apart from the records' CAPTURE_SCHEMA_VERSION. */
export const INDEX_SCHEMA_VERSION = 2;
export const SHARDS: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The shard of an article id: its first two hex digits (ids are SHA-256 prefixes, so shards fill evenly). */
export const shardOf = (id: string): string => id.slice(0, 2);
export const shardKey = (shard: string): string => `${CAPTURED_INDEX_PREFIX}${shard}`;

/** What one shard's key holds. */
export const shardValue = (articles: Record<string, CapturedSummary>) => ({ schemaVersion: INDEX_SCHEMA_VERSION, articles });

/** The shards' keys and values for these summaries (every shard that holds one). */
export function shardEntries(summaries: Iterable<CapturedSummary>): Record<string, ReturnType<typeof shardValue>> {
  const entries: Record<string, ReturnType<typeof shardValue>> = {};
  for (const summary of summaries) (entries[shardKey(shardOf(summary.id))] ??= shardValue({})).articles[summary.id] = summary;
  return entries;
}
