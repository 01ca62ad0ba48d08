import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, MigrationError, migrateRecord, runSteps, type MigrationPlan } from '../../../../src/background/notes/migrations';
import { NOTES_SCHEMA_VERSION, NotesRecord } from '../../../../src/shared/notes-schema';
import { record } from '../../helpers/records';

describe('notes migrations', () => {
  it('has a step from every earlier version to the current one', () => {
    for (let version = 1; version < NOTES_SCHEMA_VERSION; version++) expect(MIGRATIONS[version], `step ${version}`).toBeTypeOf('function');
  });

  it('reads a current record as it is', () => {
    expect(migrateRecord(record())).toEqual({ status: 'current', record: record() });
  });

  it('throws when a step is missing', () => {
    expect(() => runSteps({ schemaVersion: 1 }, 1, { steps: {}, current: 2 })).toThrow(MigrationError);
    expect(() => runSteps({ schemaVersion: 1 }, 1, { steps: {}, current: 2 })).toThrow('no migration from notes schema version 1 to 2');
  });

  // A made-up history (v1 → v2 → v3) exercises the framework the way a real next version will.
  const V3 = v.object({ schemaVersion: v.literal(3), title: v.string(), tags: v.array(v.string()) });
  const plan = {
    current: 3,
    steps: {
      1: (old: Record<string, unknown>) => ({ ...old, title: String(old.name ?? '') }),
      2: (old: Record<string, unknown>) => ({ schemaVersion: old.schemaVersion, title: old.title, tags: [] }),
    },
    schema: V3 as unknown as MigrationPlan['schema'],
  } satisfies MigrationPlan;

  it.each([
    ['v1', { schemaVersion: 1, name: 'Old' }],
    ['v2', { schemaVersion: 2, title: 'Old' }],
  ])('migrates step by step from %s', (_name, stored) => {
    const outcome = migrateRecord(stored, plan);
    expect(outcome).toEqual({ status: 'migrated', from: stored.schemaVersion, record: { schemaVersion: 3, title: 'Old', tags: [] } });
  });

  it('says a record cannot be read when a step is missing, so the store quarantines it', () => {
    const outcome = migrateRecord({ schemaVersion: 1, name: 'x' }, { ...plan, steps: { 2: plan.steps[2] } });
    expect(outcome).toEqual({ status: 'unreadable', reason: 'no migration from notes schema version 1 to 2' });
  });

  it.each<[string, unknown, RegExp]>([
    ['a future version', { ...record(), schemaVersion: NOTES_SCHEMA_VERSION + 1 }, /newer than this version/],
    ['no version', { ...record(), schemaVersion: undefined }, /unknown schemaVersion/],
    ['version 0', { ...record(), schemaVersion: 0 }, /unknown schemaVersion/],
    ['not an object', 'text', /not an object/],
    ['an array', [], /not an object/],
    ['wrong field types', { ...record(), highlights: 'none' }, /invalid record: .*highlights/],
  ])('does not read %s', (_name, stored, reason) => {
    const outcome = migrateRecord(stored);
    expect(outcome.status).toBe('unreadable');
    if (outcome.status === 'unreadable') expect(outcome.reason).toMatch(reason);
  });

  it('validates the current shape with the shared schema', () => {
    expect(v.is(NotesRecord, record())).toBe(true);
  });
});
