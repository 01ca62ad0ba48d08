/**
 * `npm run eval:entities`: precision, recall and F1 of the entity extractor per type and
 * typed micro-F1 on the dev half (tuned on), test, test2, test3, test5, test6, test7, test8, test9 and test10
 * (held out in earlier rounds, tune material since; test6 from round 7, test7 from round 8, test8 from
 * round 9, test9 from round 10, test10 from round 11), the held-out halves test4 and test11 (measured only,
 * never tuned on; test11 fresh in round 11) and the seed, plus
 * milliseconds per article, and writes the table into docs/entities.md.
 *
 *   npm run eval:entities                 all corpora, write docs/entities.md
 *   npm run eval:entities -- --errors dev list each article's misses and false hits
 *   npm run eval:entities -- --no-write   print only
 *   npm run eval:entities -- --only dev   score one corpus only (tuning runs: the held-out halves test4 and test11 stay unseen)
 *
 * Exits non-zero when a corpus is missing or malformed (the test half is the gate).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { ENTITY_TYPES } from '../src/shared/archive-format';
import { extractEntities } from './archive/entities';
import { readArticleText, readCorpus, CorpusError, type CorpusArticle } from './archive/entity-corpus';
import { scoreCorpus, scoreEntities, type Counts, type EntityScore } from './archive/entity-score';
import { defaultKnowledge } from './archive/knowledge';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const SEED = '000_59385ec765e4fea4';
export const CORPORA = [
  { label: 'dev', what: 'tuned on', load: () => readCorpus(fromRoot('tests/fixtures/entities/dev')) },
  { label: 'test', what: 'tune material; held out in earlier rounds', load: () => readCorpus(fromRoot('tests/fixtures/entities/test')) },
  { label: 'test2', what: 'tune material; held out in earlier rounds', load: () => readCorpus(fromRoot('tests/fixtures/entities/test2')) },
  { label: 'test3', what: 'tune material; held out in earlier rounds', load: () => readCorpus(fromRoot('tests/fixtures/entities/test3')) },
  { label: 'test4', what: 'held out', load: () => readCorpus(fromRoot('tests/fixtures/entities/test4')) },
  { label: 'test5', what: 'tune material; held out in earlier rounds', load: () => readCorpus(fromRoot('tests/fixtures/entities/test5')) },
  { label: 'test6', what: 'tune material in round 7; held out in round 6', load: () => readCorpus(fromRoot('tests/fixtures/entities/test6')) },
  { label: 'test7', what: 'tune material in round 8; measured once in round 7', load: () => readCorpus(fromRoot('tests/fixtures/entities/test7')) },
  { label: 'test8', what: 'tune material in round 9; measured once in round 8', load: () => readCorpus(fromRoot('tests/fixtures/entities/test8')) },
  { label: 'test9', what: 'tune material in round 10; measured once in round 9', load: () => readCorpus(fromRoot('tests/fixtures/entities/test9')) },
  { label: 'test10', what: 'tune material in round 11; measured once in round 10', load: () => readCorpus(fromRoot('tests/fixtures/entities/test10')) },
  { label: 'test11', what: 'held out; written fresh in round 11', load: () => readCorpus(fromRoot('tests/fixtures/entities/test11')) },
  { label: 'seed', what: 'the bundled seed', load: readSeed },
] as const;

function readSeed(): CorpusArticle[] {
  const json: unknown = JSON.parse(readFileSync(fromRoot(`tests/fixtures/entities-gold/${SEED}.json`), 'utf8'));
  const record = json as Record<string, string[]>;
  return [
    {
      name: SEED,
      text: readArticleText(fromRoot(`seeds/${SEED}.txt`)),
      gold: { person: record.person ?? [], org: record.org ?? [], place: record.place ?? [], date: record.date ?? [] },
    },
  ];
}

interface CorpusResult {
  label: string;
  what: string;
  articles: number;
  score?: EntityScore;
  error?: string;
}

/** Each article scored against its own gold, pooled; with `showErrors`, each article's misses and false hits. */
function scoreArticles(articles: readonly CorpusArticle[], showErrors: boolean): EntityScore {
  const scored = articles.map((article) => ({ predicted: extractEntities(article.text), gold: article.gold, label: article.name }));
  if (showErrors) {
    for (const article of scored) {
      const score = scoreEntities(article.predicted, article.gold);
      console.log(`\n  ${article.label}  F1 ${score.micro.f1.toFixed(2)}`);
      for (const type of ENTITY_TYPES) {
        const t = score.perType[type];
        if (t.falsePositives.length) console.log(`    + ${type}: ${t.falsePositives.join(' | ')}`);
        if (t.falseNegatives.length) console.log(`    - ${type}: ${t.falseNegatives.join(' | ')}`);
      }
    }
  }
  return scoreCorpus(scored);
}

interface Timing {
  articles: number;
  knowledgeMs: number;
  msPerArticle: number;
  baselineMsPerArticle: number;
}

/**
 * Warm time per article over every article read, best of three passes, beside the time
 * compromise alone takes to parse the same texts (the engine the extractor used before),
 * measured in the same process.
 */
function timeExtraction(texts: readonly string[], knowledgeMs: number): Timing {
  const best = (run: (text: string) => unknown): number => {
    texts.forEach(run);
    let fastest = Infinity;
    for (let pass = 0; pass < 3; pass++) {
      const start = performance.now();
      texts.forEach(run);
      fastest = Math.min(fastest, (performance.now() - start) / texts.length);
    }
    return fastest;
  };
  const msPerArticle = best((text) => extractEntities(text));
  const baselineMsPerArticle = best((text) => nlp(text).people().json({ offset: true }));
  return { articles: texts.length, knowledgeMs, msPerArticle, baselineMsPerArticle };
}

const pct = (n: number): string => n.toFixed(2);

function printResult(result: CorpusResult): void {
  if (!result.score) {
    console.log(`\n${result.label} (${result.what}): MISSING — ${result.error}`);
    return;
  }
  console.log(`\n${result.label} (${result.what}, ${result.articles} articles)`);
  console.log('  type     P     R     F1    (tp/fp/fn)');
  for (const type of ENTITY_TYPES) {
    const c = result.score.perType[type];
    console.log(`  ${type.padEnd(7)} ${pct(c.precision)}  ${pct(c.recall)}  ${pct(c.f1)}  (${c.tp}/${c.fp}/${c.fn})`);
  }
  const m = result.score.micro;
  console.log(`  micro   ${pct(m.precision)}  ${pct(m.recall)}  ${pct(m.f1)}  (${m.tp}/${m.fp}/${m.fn})`);
}

const BEGIN = '<!-- eval:entities begin: written by `npm run eval:entities`, do not edit by hand -->';
const END = '<!-- eval:entities end -->';

function renderTable(results: readonly CorpusResult[], timing: Timing): string {
  const lines = [BEGIN, '', '| Corpus | Articles | Type | Precision | Recall | F1 | TP | FP | FN |', '| --- | --: | --- | --: | --: | --: | --: | --: | --: |'];
  for (const result of results) {
    if (!result.score) {
      lines.push(`| ${result.label} (${result.what}) | — | not measured: ${result.error} | | | | | | |`);
      continue;
    }
    const row = (label: string, c: Counts): string =>
      `| ${result.label} (${result.what}) | ${result.articles} | ${label} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${c.tp} | ${c.fp} | ${c.fn} |`;
    for (const type of ENTITY_TYPES) lines.push(row(type, result.score.perType[type]));
    lines.push(row('**typed micro**', result.score.micro));
  }
  lines.push(
    '',
    `Time: ${timing.msPerArticle.toFixed(1)} ms per article (warm, best of 3 passes over ${timing.articles} articles), ` +
      `against ${timing.baselineMsPerArticle.toFixed(1)} ms for compromise's parse alone of the same texts in the same run ` +
      `(ratio ${(timing.msPerArticle / timing.baselineMsPerArticle).toFixed(2)}); building the knowledge once per build: ${Math.round(timing.knowledgeMs)} ms.`,
    '',
    END,
  );
  return lines.join('\n');
}

function writeDoc(table: string): void {
  const path = fromRoot('docs/entities.md');
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < 0) throw new Error(`docs/entities.md has no eval markers (${BEGIN} … ${END})`);
  writeFileSync(path, doc.slice(0, start) + table + doc.slice(end + END.length));
}

function main(): number {
  const args = process.argv.slice(2);
  const errorsFor = new Set(args.flatMap((arg, i) => (args[i - 1] === '--errors' ? [arg] : [])));
  const t0 = performance.now();
  defaultKnowledge();
  const knowledgeMs = performance.now() - t0;
  const only = args.flatMap((arg, i) => (args[i - 1] === '--only' ? [arg] : []));
  const results: CorpusResult[] = [];
  const texts: string[] = [];
  for (const corpus of CORPORA.filter((c) => only.length === 0 || only.includes(c.label))) {
    try {
      const articles = corpus.load();
      texts.push(...articles.map((a) => a.text));
      if (errorsFor.has(corpus.label)) console.log(`\n== ${corpus.label}: per-article errors`);
      results.push({ label: corpus.label, what: corpus.what, articles: articles.length, score: scoreArticles(articles, errorsFor.has(corpus.label)) });
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      results.push({ label: corpus.label, what: corpus.what, articles: 0, error: error.message.replace(fromRoot(''), '') });
    }
  }
  results.forEach(printResult);
  const timing = timeExtraction(texts, knowledgeMs);
  console.log(
    `\n${timing.msPerArticle.toFixed(1)} ms per article (warm, ${timing.articles} articles); compromise parse alone ${timing.baselineMsPerArticle.toFixed(1)} ms; knowledge built in ${Math.round(timing.knowledgeMs)} ms`,
  );
  if (!args.includes('--no-write') && only.length === 0) writeDoc(renderTable(results, timing));
  const missing = results.filter((r) => !r.score);
  for (const r of missing) console.error(`eval:entities: the ${r.label} corpus is missing or malformed: ${r.error}`);
  return missing.length ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) process.exitCode = main();
