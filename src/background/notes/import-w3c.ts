/**
 * Reading W3C Web Annotations (JSON-LD): one Annotation, an AnnotationCollection with its
 * embedded pages, an AnnotationPage, or a JSON array of Annotations. Each annotation is
 * checked against the Web Annotation Data Model's MUSTs (the ones the Working Group's own
 * test schemas check) before anything is read from it, and a file with one that fails is
 * refused whole, naming the annotation and every problem found.
 */
import * as v from 'valibot';
import { MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH } from '../../shared/notes-schema';
import { ANNOTATION_CONTEXT } from './export';
import { ImportError, MAX_ANNOTATIONS, describeIssues, excerpt, timeOf, type ForeignAnnotation } from './import-foreign';

const CONTEXTS = new Set([ANNOTATION_CONTEXT, ANNOTATION_CONTEXT.replace('http:', 'https:')]);
/** An absolute IRI: a scheme, then no spaces or characters IRIs exclude. */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const MAX_IRI_LENGTH = 4096;
const DATE_TIME = /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;
const MAX_PAGES = 1000;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const names = (value: unknown): string[] => list(value).filter((item): item is string => typeof item === 'string');

/** One value, or a non-empty array of them (the model's "one or more"). */
function oneOrMore<S extends v.GenericSchema>(schema: S, what: string) {
  return v.lazy((input) => (Array.isArray(input) ? v.pipe(v.array(schema), v.minLength(1, `${what} must not be an empty list`)) : schema));
}

const Iri = v.pipe(v.string('must be an IRI'), v.maxLength(MAX_IRI_LENGTH, `must be an IRI of at most ${MAX_IRI_LENGTH} characters`), v.regex(IRI, 'must be an IRI'));
const DateTime = v.pipe(
  v.string('must be one xsd:dateTime'),
  v.regex(DATE_TIME, 'must be an xsd:dateTime such as 2015-01-28T12:00:00Z'),
  v.check((value) => timeOf(value) !== null, 'must be a real date and time'),
);
const Text = (max: number) => v.pipe(v.string('must be one string'), v.maxLength(max, `is longer than ${max.toLocaleString('en')} characters`));
const OneString = Text(1000);
const Offset = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));
const TypeNames = oneOrMore(OneString, 'type');

const COMPOSITES = ['Choice', 'Composite', 'List', 'Independents'];

/** Keys an annotation, a body and a target may all have (model 3.3.1, 3.3.6, 3.3.7). */
const LIFECYCLE_AND_RIGHTS = {
  created: v.optional(DateTime),
  modified: v.optional(DateTime),
  rights: v.optional(oneOrMore(Iri, 'rights')),
  canonical: v.optional(Iri),
  via: v.optional(oneOrMore(Iri, 'via')),
};

/** The model's selectors, each with what it must have. */
const Selector: v.GenericSchema = v.lazy((input) =>
  typeof input === 'string'
    ? Iri
    : v.pipe(
        v.looseObject(
          {
            id: v.optional(Iri),
            type: v.optional(OneString),
            value: v.optional(Text(MAX_QUOTE_LENGTH)),
            exact: v.optional(Text(MAX_QUOTE_LENGTH)),
            prefix: v.optional(Text(MAX_QUOTE_LENGTH)),
            suffix: v.optional(Text(MAX_QUOTE_LENGTH)),
            start: v.optional(Offset),
            end: v.optional(Offset),
            refinedBy: v.optional(oneOrMore(Selector, 'refinedBy')),
            startSelector: v.optional(Selector),
            endSelector: v.optional(Selector),
          },
          'a selector must be an IRI or an object',
        ),
        v.check((s) => !['FragmentSelector', 'CssSelector', 'XPathSelector'].includes(s.type ?? '') || s.value !== undefined, 'a Fragment, CSS or XPath selector needs one string value'),
        v.check((s) => s.type !== 'TextQuoteSelector' || (s.exact !== undefined && s.exact !== ''), 'a TextQuoteSelector needs its exact text'),
        v.check(
          (s) => !['TextPositionSelector', 'DataPositionSelector'].includes(s.type ?? '') || (s.start !== undefined && s.end !== undefined && s.end >= s.start),
          'a position selector needs a start and an end at or after it',
        ),
        v.check((s) => s.type !== 'SvgSelector' || s.id !== undefined || s.value !== undefined, 'an SvgSelector needs an id or a value'),
        v.check((s) => s.type !== 'RangeSelector' || (s.startSelector !== undefined && s.endSelector !== undefined), 'a RangeSelector needs a start and an end selector'),
      ),
);

/** A state (TimeState, HttpRequestState) or its IRI. */
const State: v.GenericSchema = v.lazy((input) =>
  typeof input === 'string'
    ? Iri
    : v.looseObject(
        {
          id: v.optional(Iri),
          type: v.optional(OneString),
          sourceDate: v.optional(oneOrMore(DateTime, 'sourceDate')),
          sourceDateStart: v.optional(DateTime),
          sourceDateEnd: v.optional(DateTime),
          cached: v.optional(oneOrMore(Iri, 'cached')),
          refinedBy: v.optional(oneOrMore(v.union([State, Selector]), 'refinedBy')),
        },
        'a state must be an IRI or an object',
      ),
);

/** A body or target: an IRI, or a resource object (External Web Resource, TextualBody, SpecificResource, Choice or set). */
const Resource: v.GenericSchema = v.lazy((input) =>
  typeof input === 'string'
    ? Iri
    : v.pipe(
        v.looseObject(
          {
            id: v.optional(Iri),
            type: v.optional(TypeNames),
            value: v.optional(Text(MAX_NOTE_LENGTH)),
            format: v.optional(oneOrMore(OneString, 'format')),
            language: v.optional(oneOrMore(OneString, 'language')),
            processingLanguage: v.optional(OneString),
            textDirection: v.optional(v.picklist(['ltr', 'rtl', 'auto'], 'textDirection must be ltr, rtl or auto')),
            purpose: v.optional(oneOrMore(OneString, 'purpose')),
            source: v.optional(Resource),
            selector: v.optional(oneOrMore(Selector, 'selector')),
            state: v.optional(oneOrMore(State, 'state')),
            items: v.optional(v.array(Resource)),
            ...LIFECYCLE_AND_RIGHTS,
          },
          'must be an IRI or an object',
        ),
        v.check((r) => names(r.type).filter((type) => COMPOSITES.includes(type)).length <= 1, 'names more than one of Choice, Composite, List and Independents'),
        v.check((r) => r.items === undefined || names(r.type).some((type) => COMPOSITES.includes(type)), 'has items but is not a Choice, Composite, List or Independents'),
        v.check((r) => !names(r.type).some((type) => COMPOSITES.includes(type)) || (r.items !== undefined && r.items.length > 0), 'a Choice, Composite, List or Independents needs items'),
        v.check((r) => !names(r.type).includes('TextualBody') || r.value !== undefined, 'a TextualBody needs one string value'),
        v.check((r) => !names(r.type).includes('SpecificResource') || r.source !== undefined, 'a SpecificResource needs a source'),
        v.check((r) => r.id !== undefined || r.value !== undefined || r.source !== undefined || r.items !== undefined || r.selector !== undefined || r.state !== undefined, 'needs an id, a value, a source or items'),
      ),
);

const Agent = v.lazy((input) =>
  typeof input === 'string' ? Iri : v.looseObject({ id: v.optional(Iri), type: v.optional(TypeNames), name: v.optional(oneOrMore(OneString, 'name')) }, 'must be an IRI or an agent object'),
);

const ContextValue = v.pipe(
  v.union([v.string(), v.array(v.unknown())], '@context must name the Web Annotation context'),
  v.check((context) => list(context).some((item) => typeof item === 'string' && CONTEXTS.has(item)), `@context must include ${ANNOTATION_CONTEXT}`),
);

const Annotation = v.pipe(
  v.looseObject(
    {
      '@context': v.optional(ContextValue),
      // id, type and target are required: checked apart (keyProblems), so their absence is named even when other keys are wrong.
      id: v.optional(Iri),
      type: v.optional(v.pipe(TypeNames, v.check((type) => names(type).includes('Annotation'), "type must include 'Annotation'"))),
      motivation: v.optional(oneOrMore(OneString, 'motivation')),
      body: v.optional(oneOrMore(Resource, 'body')),
      bodyValue: v.optional(Text(MAX_NOTE_LENGTH)),
      target: v.optional(oneOrMore(Resource, 'target')),
      creator: v.optional(oneOrMore(Agent, 'creator')),
      generator: v.optional(oneOrMore(Agent, 'generator')),
      generated: v.optional(DateTime),
      ...LIFECYCLE_AND_RIGHTS,
    },
    'an annotation must be an object',
  ),
);
type Annotation = v.InferOutput<typeof Annotation> & { id: string };

/** What the model requires of every annotation's keys, whatever else is wrong with it. */
function keyProblems(value: unknown): string[] {
  if (!isObject(value)) return [];
  const problems = (['id', 'type', 'target'] as const).filter((key) => value[key] === undefined).map((key) => `${key}: is missing (an annotation must have one)`);
  if (value.body !== undefined && value.bodyValue !== undefined) problems.push('has both body and bodyValue');
  return problems;
}

const hasType = (value: unknown, type: string): boolean => isObject(value) && names(value.type).includes(type);

/** Whether `json` looks like Web Annotation JSON-LD (so its problems are reported as such). */
export function looksLikeWebAnnotations(json: unknown): boolean {
  const first = Array.isArray(json) ? json[0] : json;
  return isObject(first) && ('@context' in first || ['Annotation', 'AnnotationCollection', 'AnnotationPage'].some((type) => hasType(first, type)));
}

function checkContext(value: Record<string, unknown>, what: string): void {
  const context = v.safeParse(ContextValue, value['@context']);
  if (value['@context'] === undefined) throw new ImportError(`${what} has no @context (it must include ${ANNOTATION_CONTEXT})`);
  if (!context.success) throw new ImportError(`${what}: ${describeIssues(context.issues)}`);
}

/** The annotations of a collection's or page's embedded pages (pages only linked by IRI cannot be read offline: reported). */
function pageItems(first: unknown, unreadPages: string[]): unknown[] {
  const items: unknown[] = [];
  let page = first;
  for (let count = 0; page !== undefined; count++) {
    if (typeof page === 'string') {
      unreadPages.push(page);
      break;
    }
    if (count >= MAX_PAGES) throw new ImportError(`the collection has more than ${MAX_PAGES} pages`);
    if (!hasType(page, 'AnnotationPage')) throw new ImportError(`page ${count + 1} of the collection is not an AnnotationPage`);
    const { items: pageList, next } = page as Record<string, unknown>;
    if (!Array.isArray(pageList)) throw new ImportError(`page ${count + 1} of the collection has no items list`);
    items.push(...pageList);
    if (items.length > MAX_ANNOTATIONS) throw new ImportError(`the file holds more than ${MAX_ANNOTATIONS.toLocaleString('en')} annotations`);
    page = next;
  }
  return items;
}

/** Text and tags of the bodies: TextualBody values (tagging ones as tags), the first text of a Choice, linked bodies as their IRI. */
function bodiesOf(annotation: Annotation): { texts: string[]; tags: string[] } {
  const texts: string[] = [];
  const tags: string[] = [];
  if (annotation.bodyValue !== undefined) texts.push(annotation.bodyValue);
  const motivationTags = names(annotation.motivation).includes('tagging');
  const visit = (body: unknown): void => {
    if (typeof body === 'string') {
      if (/^https?:/i.test(body)) texts.push(`<${body}>`);
      return;
    }
    if (!isObject(body)) return;
    if (hasType(body, 'Choice')) return visit(list(body.items)[0]);
    if (Array.isArray(body.items)) return body.items.forEach(visit);
    if (typeof body.value === 'string') {
      const purposes = names(body.purpose);
      if (purposes.includes('tagging') || (purposes.length === 0 && motivationTags)) tags.push(body.value);
      else texts.push(body.value);
    } else if (typeof body.id === 'string' && /^https?:/i.test(body.id)) texts.push(`<${body.id}>`);
    else if (typeof body.source === 'string' && /^https?:/i.test(body.source)) texts.push(`<${body.source}>`);
  };
  list(annotation.body).forEach(visit);
  return { texts, tags };
}

interface TargetParts {
  source: string;
  quote: ForeignAnnotation['quote'];
  position: ForeignAnnotation['position'];
  otherSelectors: string[];
}

/** The first target's document and its quote and position selectors (also found as a refinement). */
function targetOf(annotation: Annotation): TargetParts {
  const target = list(annotation.target)[0];
  const parts: TargetParts = { source: '', quote: null, position: null, otherSelectors: [] };
  if (typeof target === 'string') return { ...parts, source: target };
  if (!isObject(target)) return parts;
  const source = typeof target.source === 'string' ? target.source : isObject(target.source) && typeof target.source.id === 'string' ? target.source.id : typeof target.id === 'string' ? target.id : '';
  parts.source = source;
  const visit = (selector: unknown): void => {
    if (!isObject(selector)) return;
    if (selector.type === 'TextQuoteSelector' && parts.quote === null) {
      parts.quote = { exact: String(selector.exact), prefix: String(selector.prefix ?? ''), suffix: String(selector.suffix ?? '') };
    } else if (selector.type === 'TextPositionSelector' && parts.position === null) {
      parts.position = { start: Number(selector.start), end: Number(selector.end) };
    } else if (typeof selector.type === 'string') parts.otherSelectors.push(selector.type);
    list(selector.refinedBy).forEach(visit);
  };
  list(target.selector).forEach(visit);
  return parts;
}

const BACKSTORY_GENERATOR = /^Backstory\b/;

function foreignOf(annotation: Annotation, index: number, ids: ReadonlySet<string>): ForeignAnnotation {
  const label = `annotation ${index + 1}`;
  const { texts, tags } = bodiesOf(annotation);
  const target = targetOf(annotation);
  const replying = names(annotation.motivation).includes('replying') && ids.has(target.source);
  const generator = list(annotation.generator)[0];
  const author = list(annotation.creator)[0];
  const authorName = isObject(author) ? list(author.name)[0] ?? list((author as Record<string, unknown>).nickname)[0] ?? author.id : author;
  return {
    label: `${label} (${excerpt(annotation.id, 80)})`,
    index,
    id: annotation.id,
    source: replying ? '' : target.source,
    quote: target.quote,
    position: target.position,
    otherSelectors: target.otherSelectors,
    text: texts.join('\n\n'),
    tags,
    created: timeOf(annotation.created),
    modified: timeOf(annotation.modified),
    replyTo: replying ? target.source : null,
    author: typeof authorName === 'string' ? authorName : null,
    fromBackstory: isObject(generator) && typeof generator.name === 'string' && BACKSTORY_GENERATOR.test(generator.name),
  };
}

/**
 * The annotations of a Web Annotation file, checked; throws an ImportError naming the
 * first annotation that breaks the model and each of its problems. `unreadPages` gets the
 * IRIs of pages the file only links to.
 */
export function readWebAnnotations(json: unknown, unreadPages: string[]): ForeignAnnotation[] {
  let raw: unknown[];
  let inherited = false;
  if (Array.isArray(json)) raw = json;
  else if (!isObject(json)) throw new ImportError('the file is not a Web Annotation, collection or page');
  else if (hasType(json, 'AnnotationCollection')) {
    checkContext(json, 'the collection');
    const collection = v.safeParse(v.looseObject({ id: Iri, total: v.optional(Offset), label: v.optional(oneOrMore(OneString, 'label')) }), json);
    if (!collection.success) throw new ImportError(`the collection: ${describeIssues(collection.issues)}`);
    raw = pageItems(json.first, unreadPages);
    inherited = true;
  } else if (hasType(json, 'AnnotationPage')) {
    checkContext(json, 'the page');
    raw = pageItems(json, unreadPages);
    inherited = true;
  } else raw = [json];
  if (raw.length > MAX_ANNOTATIONS) throw new ImportError(`the file holds more than ${MAX_ANNOTATIONS.toLocaleString('en')} annotations`);

  const checked = raw.map((item, index): Annotation => {
    const label = `annotation ${index + 1}`;
    if (!inherited && isObject(item)) checkContext(item, label);
    const result = v.safeParse(Annotation, item);
    const problems = [...keyProblems(item), ...(result.success ? [] : [describeIssues(result.issues)])];
    if (problems.length > 0 || !result.success) throw new ImportError(`${label} is not a valid Web Annotation: ${problems.join('; ')}`);
    return result.output as Annotation;
  });
  const ids = new Set(checked.map((annotation) => annotation.id));
  return checked.map((annotation, index) => foreignOf(annotation, index, ids));
}
