/**
 * The per-article work of the build, the part that costs (the entity extractor, ~30 ms an
 * article): read and parse one seed, extract its entities, write its article file, and
 * hand back only what the archive's indexes need. Runs in the compiler's worker threads
 * (compile-worker.ts) or, with an extractor given as a function, in the compiler's own.
 */
import { readFileSync } from 'node:fs';
import type { Article, CatalogEntry, EntityType } from '../../src/shared/archive-format';
import type { ArchiveWriter } from './archive-files';
import { compileArticleWith, type Extract } from './seed-set';
import { parseSeed } from './parse-seed';
import { docTerms, distinctTerms } from '../../src/shared/search-build';

export type { Extract };


/**
 * An extractor a worker thread can load: `module` (a file URL) exports `export`; with
 * `data` (anything structured-cloneable) that export is a factory called with it.
 */
export interface ExtractorSpec {
  module: string;
  export: string;
  data?: unknown;
}

export async function loadExtractor(spec: ExtractorSpec): Promise<Extract> {
  const loaded = ((await import(spec.module)) as Record<string, unknown>)[spec.export];
  if (typeof loaded !== 'function') throw new Error(`${spec.module} has no function ${spec.export}`);
  return spec.data === undefined ? (loaded as Extract) : (loaded as (data: unknown) => Extract)(spec.data);
}

/** Flags of a term in a document, beside its body count. */
export const IN_TITLE = 2;
export const IN_ENTITY = 1;

export interface ArticleOutcome {
  doc: number;
  key: string;
  catalog: CatalogEntry;
  /** [entity id, type, name, mention count] in the article's order. */
  entities: Array<[id: string, type: EntityType, name: string, count: number]>;
  /** The document's distinct search terms, with each one's body count and flags (IN_TITLE | IN_ENTITY). */
  terms: string[];
  tf: number[];
  flags: number[];
  /** Body length in terms (BM25). */
  length: number;
}

export interface ArticleJob {
  doc: number;
  file: string;
}

export function catalogEntry(a: Pick<Article, 'id' | 'url' | 'title' | 'date' | 'host'>): CatalogEntry {
  return { id: a.id, url: a.url, title: a.title, date: a.date, host: a.host };
}

export function runArticleJob(job: ArticleJob, extract: Extract, writer: ArchiveWriter): ArticleOutcome {
  const parsed = parseSeed(job.file, readFileSync(job.file, 'utf8'));
  // The first pass found every problem; a file that fails now changed during the build.
  if (!parsed.ok) throw new Error(`${job.file} changed during the build: ${parsed.problems.map((p) => p.message).join('; ')}`);
  const article = compileArticleWith(parsed.seed, extract);
  writer.write(`articles/${article.id}.json`, article);
  const d = docTerms(article);
  const terms = [...distinctTerms(d)];
  return {
    doc: job.doc,
    key: article.key,
    catalog: catalogEntry(article),
    entities: article.entities.map((e) => [e.id, e.type, e.name, e.count]),
    terms,
    tf: terms.map((t) => d.body.get(t) ?? 0),
    flags: terms.map((t) => (d.title.has(t) ? IN_TITLE : 0) | (d.entity.has(t) ? IN_ENTITY : 0)),
    length: d.length,
  };
}
