/**
 * Several indexes' answers as one list (the bundled archive and the user's captured one,
 * or the captured index's segments): best score first, newer first among equals; by date
 * for an empty query (recent articles). Scores are on one scale (src/shared/search-build.ts:
 * BM25 with the same bonuses), each relative to its own index's statistics.
 */
import type { SearchHit } from './search-engine';

export function mergeResults<H extends SearchHit>(answers: ReadonlyArray<{ hits: readonly H[]; total: number }>, limit: number, byDate: boolean): { hits: H[]; total: number } {
  const hits = answers.flatMap((answer) => answer.hits);
  hits.sort(byDate ? (a, b) => b.date.localeCompare(a.date) : (a, b) => b.score - a.score || b.date.localeCompare(a.date));
  return { hits: hits.slice(0, limit), total: answers.reduce((sum, answer) => sum + answer.total, 0) };
}

