/**
 * Migrations of stored notes records, one step per version (N → N+1), run when a record
 * is read. Version 1 is the first released shape, so there are no steps yet; the next
 * shape change adds `1: (record) => …` here and a test that migrates a v1 fixture.
 * A missing step throws; a version newer than this build knows is not touched (the store
 * quarantines it, so a downgrade never destroys notes written by a newer version).
 */
import * as v from 'valibot';
import { NOTES_SCHEMA_VERSION, NotesRecord } from '../../shared/notes-schema';

export type JsonObject = Record<string, unknown>;
/** Turns a record of version N into version N + 1. */
export type MigrationStep = (record: JsonObject) => JsonObject;

export const MIGRATIONS: Readonly<Record<number, MigrationStep>> = {};

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export type MigrationOutcome =
  | { status: 'current'; record: NotesRecord }
  | { status: 'migrated'; record: NotesRecord; from: number }
  | { status: 'unreadable'; reason: string };

export interface MigrationPlan {
  steps: Readonly<Record<number, MigrationStep>>;
  current: number;
  schema: v.GenericSchema<unknown, NotesRecord>;
}

const DEFAULT_PLAN: MigrationPlan = { steps: MIGRATIONS, current: NOTES_SCHEMA_VERSION, schema: NotesRecord };

/** Runs the steps from `from` up to `plan.current`; throws when one is missing. */
export function runSteps(record: JsonObject, from: number, plan: Pick<MigrationPlan, 'steps' | 'current'>): JsonObject {
  let value = record;
  for (let version = from; version < plan.current; version++) {
    const step = plan.steps[version];
    if (!step) throw new MigrationError(`no migration from notes schema version ${version} to ${version + 1}`);
    value = { ...step(value), schemaVersion: version + 1 };
  }
  return value;
}

/** Reads a stored value as a current record, migrating it, or says why it cannot. */
export function migrateRecord(raw: unknown, plan: MigrationPlan = DEFAULT_PLAN): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { status: 'unreadable', reason: 'not an object' };
  const version = (raw as JsonObject).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { status: 'unreadable', reason: `unknown schemaVersion ${JSON.stringify(version)}` };
  }
  if (version > plan.current) {
    return { status: 'unreadable', reason: `schemaVersion ${version} is newer than this version of Backstory (${plan.current})` };
  }
  let value: JsonObject;
  try {
    value = runSteps(raw as JsonObject, version, plan);
  } catch (error) {
    return { status: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  const parsed = v.safeParse(plan.schema, value);
  if (!parsed.success) return { status: 'unreadable', reason: `invalid record: ${v.summarize(parsed.issues).replace(/\n/g, '; ')}` };
  return version === plan.current ? { status: 'current', record: parsed.output } : { status: 'migrated', record: parsed.output, from: version };
}
