/** The candidate mentions the entity extractor's steps pass to each other. */
import type { EntityType } from '../archive-format';

export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  /** Canonical name when the knowledge gave one. */
  name?: string;
  /** Known to the knowledge (its mentions were all found by the scan). */
  known?: boolean;
  /** A capital named for its country's government ("Beijing warned"): the name is the country's. */
  standsFor?: boolean;
  /** A country named for its national team in an article about sport ("Bangladesh beat Pakistan"). */
  team?: boolean;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** `kept`, plus each of `more` that overlaps nothing kept so far, in text order. */
export function addNonOverlapping(kept: readonly Candidate[], more: readonly Candidate[]): Candidate[] {
  const all = [...kept];
  for (const candidate of more) if (!all.some((other) => overlaps(candidate, other))) all.push(candidate);
  return all.sort((a, b) => a.start - b.start);
}
