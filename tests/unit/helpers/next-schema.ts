/**
 * A made-up next notes schema, for tests of what the store does with a record it has to
 * migrate (the shipped build has no migration step yet). Version 2 is today's record; the
 * version 1 it migrates from kept the note's tags beside the note rather than in it.
 * Used as `vi.mock` factories: the store, the handlers and the migrations all see it.
 */
import * as v from 'valibot';
import type * as Schema from '../../../src/shared/notes-schema';
import type * as Migrations from '../../../src/background/notes/migrations';
import type { NotesRecord } from '../../../src/shared/notes-schema';

export const NEXT_VERSION = 2;

/** A record as the previous version stored it. */
export function previousShape(record: NotesRecord): Record<string, unknown> {
  const { tags, ...note } = record.note;
  return { ...record, schemaVersion: NEXT_VERSION - 1, note, tags };
}

const step = (old: Record<string, unknown>): Record<string, unknown> => {
  const { tags, note, ...rest } = old as { tags: unknown; note: Record<string, unknown> };
  return { ...rest, note: { ...note, tags } };
};

export async function nextSchema(importOriginal: () => Promise<unknown>): Promise<typeof Schema> {
  const actual = (await importOriginal()) as typeof Schema;
  const NotesRecord = v.object({ ...actual.NotesRecord.entries, schemaVersion: v.literal(NEXT_VERSION) });
  return {
    ...actual,
    NOTES_SCHEMA_VERSION: NEXT_VERSION as 1,
    NotesRecord: NotesRecord as unknown as typeof actual.NotesRecord,
    emptyRecord: (...args: Parameters<typeof actual.emptyRecord>) => ({ ...actual.emptyRecord(...args), schemaVersion: NEXT_VERSION as 1 }),
  };
}

/** migrations.ts with the step from the previous version (its own module sees the mocked schema). */
export async function nextMigrations(importOriginal: () => Promise<unknown>): Promise<typeof Migrations> {
  const actual = (await importOriginal()) as typeof Migrations;
  const { NotesRecord } = await import('../../../src/shared/notes-schema');
  const plan: Migrations.MigrationPlan = { steps: { [NEXT_VERSION - 1]: step }, current: NEXT_VERSION, schema: NotesRecord };
  return { ...actual, MIGRATIONS: plan.steps, migrateRecord: (raw, given = plan) => actual.migrateRecord(raw, given) };
}
