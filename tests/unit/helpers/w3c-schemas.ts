/**
 * The W3C Web Annotation Working Group's own test schemas (JSON Schema draft-04), read from
 * ../shared/w3c-web-annotation-tests/ beside the checkout (not copied into the repository):
 * `mustFailures(kind, value)` lists every MUST assertion of that kind's `*Musts.test`
 * (annotation, collection, page) that `value` fails, with the group's error message.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const W3C_TESTS = join(process.cwd(), '..', 'shared', 'w3c-web-annotation-tests');

interface Assertion {
  id: string;
  assertionType?: string;
  expectedResult?: string;
  errorMessage?: string;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function compiler(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  // Every schema is registered under its own id (a bare file name, as the suite's $refs use).
  const ids = new Set<string>();
  for (const path of jsonFiles(W3C_TESTS).filter((p) => !p.includes(`${join('tools', 'samples')}`))) {
    const schema = readJson(path) as { id?: string };
    if (typeof schema.id !== 'string' || ids.has(schema.id)) continue;
    ids.add(schema.id);
    ajv.addSchema(schema as object, schema.id);
  }
  return ajv;
}

let shared: Ajv | null = null;

export type W3cKind = 'annotation' | 'collection' | 'page';
const MUSTS: Record<W3cKind, string> = {
  annotation: 'annotations/annotationMusts.test',
  collection: 'collections/collectionMusts.test',
  page: 'collections/pages/pageMusts.test',
};

/** The MUST assertions of one kind: [file, schema]. */
export function mustAssertions(kind: W3cKind): Array<{ file: string; schema: Assertion }> {
  const list = readJson(join(W3C_TESTS, MUSTS[kind])) as { assertions: string[] };
  return list.assertions.map((file) => ({ file, schema: readJson(join(W3C_TESTS, file)) as Assertion }));
}

/** Each MUST assertion of `kind` that `value` fails: "file: the group's error message (ajv's errors)". */
export function mustFailures(kind: W3cKind, value: unknown): string[] {
  shared ??= compiler();
  const ajv = shared;
  const failures: string[] = [];
  for (const { file, schema } of mustAssertions(kind)) {
    const validate = ajv.getSchema(schema.id);
    if (!validate) throw new Error(`schema ${schema.id} (${file}) is not registered`);
    const valid = validate(value) === true;
    if (valid !== (schema.expectedResult !== 'invalid')) failures.push(`${file}: ${schema.errorMessage ?? ''} ${ajv.errorsText(validate.errors)}`);
  }
  return failures;
}

/** The group's sample annotations, by verdict: [name relative to samples/<verdict>, parsed JSON]. */
export function samples(verdict: 'correct' | 'incorrect'): Array<[string, string]> {
  const dir = join(W3C_TESTS, 'tools', 'samples', verdict);
  return jsonFiles(dir)
    .map((path): [string, string] => [relative(dir, path), readFileSync(path, 'utf8')])
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
}
