/**
 * Typed precision / recall / F1 of extracted entities against a hand-made gold list
 * (tests/fixtures/entities/CONVENTIONS.md). Scoring is per entity, not per mention: an
 * entity counts once however often it occurs. A gold entry is a name or a list of the names
 * of one entity; a predicted entity matches it when their types agree and the prediction's
 * canonical name slugs like any of the entry's names (case, apostrophes and accents don't
 * matter). A second prediction matching an already matched entry is a false positive: the
 * extractor failed to merge the two.
 */
import { ENTITY_TYPES, type ArticleEntity, type EntityType } from '../../src/shared/archive-format';
import { entityId } from './entities';

/** One gold entity: its name, or its names with the preferred one first. */
export type GoldEntry = string | readonly string[];

/** Gold entities per type, as in tests/fixtures/entities/*\/*.gold.json. */
export type GoldEntities = Record<EntityType, readonly GoldEntry[]>;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TypeScore extends Counts {
  /** Predicted names absent from the gold list, sorted. */
  falsePositives: string[];
  /** Gold names the extractor missed, sorted. */
  falseNegatives: string[];
}

export interface EntityScore {
  perType: Record<EntityType, TypeScore>;
  /** Pooled over all types. */
  micro: Counts;
}

export function scoreEntities(
  predicted: readonly Pick<ArticleEntity, 'type' | 'name'>[],
  gold: GoldEntities,
): EntityScore {
  const perType = {} as Record<EntityType, TypeScore>;
  for (const type of ENTITY_TYPES) {
    perType[type] = scoreType(
      type,
      predicted.filter((entity) => entity.type === type).map((entity) => entity.name),
      gold[type],
    );
  }
  const sum = (key: 'tp' | 'fp' | 'fn'): number => ENTITY_TYPES.reduce((total, type) => total + perType[type][key], 0);
  return { perType, micro: counts(sum('tp'), sum('fp'), sum('fn')) };
}

function scoreType(type: EntityType, predicted: readonly string[], gold: readonly GoldEntry[]): TypeScore {
  const entries = gold.map((entry) => (typeof entry === 'string' ? [entry] : [...entry]));
  const entryIds = entries.map((names) => new Set(names.map((name) => entityId(type, name))));
  const matched = new Set<number>();
  const falsePositives: string[] = [];
  let tp = 0;
  for (const [id, name] of byId(type, predicted)) {
    const candidates = entryIds.flatMap((ids, index) => (ids.has(id) ? [index] : []));
    const free = candidates.find((index) => !matched.has(index));
    if (free === undefined) {
      falsePositives.push(candidates.length ? `${name} (not merged)` : name);
    } else {
      matched.add(free);
      tp++;
    }
  }
  const falseNegatives = entries.filter((_, index) => !matched.has(index)).map((names) => names.join(' / '));
  return {
    ...counts(tp, falsePositives.length, falseNegatives.length),
    falsePositives: falsePositives.sort(),
    falseNegatives: falseNegatives.sort(),
  };
}

/** De-duplicates names that slug alike, keeping the first spelling. */
function byId(type: EntityType, names: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const name of names) {
    const id = entityId(type, name);
    if (!map.has(id)) map.set(id, name);
  }
  return map;
}

/**
 * With nothing predicted, precision is 1 (no wrong answers); with nothing to find, recall
 * is 1. F1 is 0 when both precision and recall are 0.
 */
function counts(tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Pools per-article scores over a corpus: each article's prediction is scored against its
 * own gold, and the counts are summed. False positive and negative names carry the label.
 */
export function scoreCorpus(
  articles: readonly { predicted: readonly Pick<ArticleEntity, 'type' | 'name'>[]; gold: GoldEntities; label?: string }[],
): EntityScore {
  const perType = {} as Record<EntityType, TypeScore>;
  const scores = articles.map((article) => ({ label: article.label, score: scoreEntities(article.predicted, article.gold) }));
  for (const type of ENTITY_TYPES) {
    const sum = (key: 'tp' | 'fp' | 'fn'): number => scores.reduce((total, { score }) => total + score.perType[type][key], 0);
    const labelled = (key: 'falsePositives' | 'falseNegatives'): string[] =>
      scores.flatMap(({ label, score }) => score.perType[type][key].map((name) => (label ? `${name} [${label}]` : name)));
    perType[type] = { ...counts(sum('tp'), sum('fp'), sum('fn')), falsePositives: labelled('falsePositives'), falseNegatives: labelled('falseNegatives') };
  }
  const total = (key: 'tp' | 'fp' | 'fn'): number => ENTITY_TYPES.reduce((sum, type) => sum + perType[type][key], 0);
  return { perType, micro: counts(total('tp'), total('fp'), total('fn')) };
}
