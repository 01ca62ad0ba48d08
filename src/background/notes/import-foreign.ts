/**
 * What an imported Web Annotation or Hypothesis annotation says, once its file has been
 * checked (import-w3c.ts, import-hypothesis.ts): the neutral form that import-annotations.ts
 * places on archived articles. Also the limits every importer holds a file to.
 */
import * as v from 'valibot';
import { CodedError } from '../../shared/result';

export class ImportError extends CodedError {
  override name = 'ImportError';
  constructor(message: string) {
    super('invalid-import', message);
  }
}

export interface ForeignAnnotation {
  /** How the preview names it ("annotation 3", with its id when it has one). */
  label: string;
  /** Its place in the file (0-based): the preview lists what was left out in file order. */
  index: number;
  /** The file's id for it (an IRI, a Hypothesis id), if any. */
  id: string | null;
  /** The annotated document, as the file names it (not checked yet). */
  source: string;
  quote: { exact: string; prefix: string; suffix: string } | null;
  position: { start: number; end: number } | null;
  /** Selector types it has that Backstory cannot anchor by (CSS, XPath, …), for the report. */
  otherSelectors: string[];
  /** Its comment, as text (Markdown or plain; rendered as text either way). */
  text: string;
  tags: string[];
  /** Milliseconds since the epoch; null when the file does not say. */
  created: number | null;
  modified: number | null;
  /** The id of the annotation this one replies to (its thread's root), if it is a reply. */
  replyTo: string | null;
  /** Who wrote it, when the file says (shown with replies). */
  author: string | null;
  /** Made by Backstory's own export: its selectors describe this archive's text. */
  fromBackstory: boolean;
}

/** Annotations one file may hold; far beyond any real export, and it keeps a hostile file's cost bounded. */
export const MAX_ANNOTATIONS = 50_000;
/** How deep a file's JSON may nest (real annotations need about 8 levels). */
export const MAX_DEPTH = 40;

/** The file as JSON, refused when it is not JSON or nests deeper than MAX_DEPTH (checked without recursion). */
export function parseJsonFile(content: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new ImportError(`the file is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const stack: Array<[unknown, number]> = [[json, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) throw new ImportError(`the file nests deeper than ${MAX_DEPTH} levels; no annotation needs that`);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return json;
}

/** A date-time string as milliseconds, or null. */
export function timeOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) || time < 0 ? null : time;
}

/** The first `max` characters of `text`, marked as cut, for a preview line. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** "id: must be an IRI; target: …": the problems valibot found, each with where it is, each once. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[], max = 8): string {
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = v.getDotPath(issue);
    seen.add(path ? `${path}: ${issue.message}` : issue.message);
  }
  return [...seen].slice(0, max).join('; ');
}
