/**
 * Typed precision / recall / F1 of extracted entities against a hand-made gold list.
 * Scoring is per entity, not per mention: an entity counts once however often it occurs.
 * A predicted entity matches a gold one when both have the same type and the same
 * `entityId` (names compared after slugging, so case, apostrophes and accents don't matter).
 */
import { ENTITY_TYPES, type ArticleEntity, type EntityType } from '../../src/shared/archive-format';
import { entityId } from './entities';

/** Canonical entity names per type, as in tests/fixtures/entities-gold/*.json. */
export type GoldEntities = Record<EntityType, readonly string[]>;

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

function scoreType(type: EntityType, predicted: readonly string[], gold: readonly string[]): TypeScore {
  const predictedById = byId(type, predicted);
  const goldById = byId(type, gold);
  const falsePositives = [...predictedById].filter(([id]) => !goldById.has(id)).map(([, name]) => name);
  const falseNegatives = [...goldById].filter(([id]) => !predictedById.has(id)).map(([, name]) => name);
  const tp = predictedById.size - falsePositives.length;
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
