/**
 * Reading a Hypothesis export: the JSON file its client exports
 * (`{ export_date, export_userid, client_version, annotations: [...] }`), a saved answer of
 * its search API (`{ total, rows: [...] }`), or a plain array of its annotations. Each
 * annotation is the h API's: `uri`, `target[].source` and `target[].selector[]`
 * (TextQuoteSelector, TextPositionSelector, RangeSelector, …), `text`, `tags`,
 * `created`/`updated`, and `references` (the ids of the thread above a reply, root first).
 * One annotation that is not of that shape refuses the file, naming it and the problem.
 */
import * as v from 'valibot';
import { MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH } from '../../shared/notes-schema';
import { ImportError, MAX_ANNOTATIONS, describeIssues, excerpt, timeOf, type ForeignAnnotation } from './import-foreign';

const Text = (max: number) => v.pipe(v.string('must be a string'), v.maxLength(max, `is longer than ${max.toLocaleString('en')} characters`));
const Short = Text(4096);
const Offset = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));

const Selector = v.variant('type', [
  v.looseObject({
    type: v.literal('TextQuoteSelector'),
    exact: v.pipe(Text(MAX_QUOTE_LENGTH), v.minLength(1, 'the quote is empty')),
    prefix: v.optional(Text(MAX_QUOTE_LENGTH)),
    suffix: v.optional(Text(MAX_QUOTE_LENGTH)),
  }),
  v.pipe(
    v.looseObject({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset }),
    v.check((s) => s.end >= s.start, 'a position ends before it starts'),
  ),
  // Other selectors (RangeSelector, PageSelector, EPUB, media time…) are kept by type only.
  v.looseObject({ type: v.pipe(v.string(), v.maxLength(100), v.notValues(['TextQuoteSelector', 'TextPositionSelector'])) }),
]);

const HypothesisAnnotation = v.looseObject({
  id: v.optional(v.pipe(Short, v.minLength(1))),
  uri: Short,
  text: v.optional(Text(MAX_NOTE_LENGTH), ''),
  tags: v.optional(v.pipe(v.array(Text(1000)), v.maxLength(1000, 'has more than 1,000 tags')), []),
  created: v.optional(Short),
  updated: v.optional(Short),
  references: v.optional(v.pipe(v.array(Short), v.maxLength(1000)), []),
  user: v.optional(Short),
  user_info: v.optional(v.nullable(v.looseObject({ display_name: v.optional(v.nullable(Short)) }))),
  target: v.optional(
    v.array(v.looseObject({ source: v.optional(Short), selector: v.optional(v.pipe(v.array(Selector), v.maxLength(50))) })),
    [],
  ),
});
type HypothesisAnnotation = v.InferOutput<typeof HypothesisAnnotation>;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The annotation list of a Hypothesis file, or null when `json` is not one. */
export function hypothesisAnnotations(json: unknown): unknown[] | null {
  if (isObject(json) && Array.isArray(json.annotations) && ('export_date' in json || 'client_version' in json || 'export_userid' in json)) return json.annotations;
  if (isObject(json) && Array.isArray(json.rows) && 'total' in json) return json.rows;
  if (Array.isArray(json) && json.length > 0 && json.every((item) => isObject(item) && 'uri' in item && !('@context' in item))) return json;
  return null;
}

/** "acct:ada@hypothes.is" → "ada": the name Hypothesis shows when no display name is set. */
function authorOf(annotation: HypothesisAnnotation): string | null {
  const display = annotation.user_info?.display_name;
  if (display) return display;
  return annotation.user?.replace(/^acct:/, '').replace(/@.*$/, '') || null;
}

function foreignOf(annotation: HypothesisAnnotation, index: number): ForeignAnnotation {
  const label = `annotation ${index + 1}`;
  const target = annotation.target[0];
  const selectors = target?.selector ?? [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as { exact: string; prefix?: string; suffix?: string } | undefined;
  const position = selectors.find((s) => s.type === 'TextPositionSelector') as { start: number; end: number } | undefined;
  return {
    label: annotation.id ? `${label} (${excerpt(annotation.id, 80)})` : label,
    index,
    id: annotation.id ?? null,
    source: target?.source || annotation.uri,
    quote: quote ? { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' } : null,
    position: position ? { start: position.start, end: position.end } : null,
    otherSelectors: selectors.map((s) => String(s.type)).filter((type) => type !== 'TextQuoteSelector' && type !== 'TextPositionSelector'),
    text: annotation.text,
    tags: annotation.tags,
    created: timeOf(annotation.created),
    modified: timeOf(annotation.updated),
    // Replies name their thread, root first: a reply is kept under the root annotation.
    replyTo: annotation.references[0] ?? null,
    author: authorOf(annotation),
    fromBackstory: false,
  };
}

/** The annotations of a Hypothesis file, checked; throws an ImportError naming the first one that is not of the API's shape. */
export function readHypothesis(list: readonly unknown[]): ForeignAnnotation[] {
  if (list.length > MAX_ANNOTATIONS) throw new ImportError(`the file holds more than ${MAX_ANNOTATIONS.toLocaleString('en')} annotations`);
  return list.map((item, index) => {
    const label = `annotation ${index + 1}`;
    const result = v.safeParse(HypothesisAnnotation, item);
    if (!result.success) {
      throw new ImportError(`${label} is not a Hypothesis annotation: ${describeIssues(result.issues)}`);
    }
    return foreignOf(result.output, index);
  });
}
