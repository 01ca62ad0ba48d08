/**
 * `npm run eval:entities:browser`: the entity evaluation run through the in-browser path,
 * beside the build's. Builds the extension into a temporary folder, loads it in Debian's
 * Chromium (and Firefox ESR), runs the worker's own capture extractor there on every
 * article of the corpora (scripts/entity-probe.ts), scores it as `npm run eval:entities`
 * scores the build, counts the articles whose entities differ from the build's at all, and
 * times the first call (loading the extractor bundle and the knowledge pack) and each
 * article after it. Also measures what leaving parts of the knowledge out of the pack would
 * save in size and cost in F1. Writes the tables into docs/entities.md.
 *
 *   npm run eval:entities:browser                        Chromium and Firefox, write docs/entities.md
 *   npm run eval:entities:browser -- --browser chromium  one browser
 *   npm run eval:entities:browser -- --no-write          print only
 *
 * Run it under the machine's browser lock (flock /tmp/backstory-browser.lock …).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { ArticleEntity } from '../src/shared/archive-format';
import { ENTITY_EXTRACTOR_SCRIPT, ENTITY_KNOWLEDGE_PACK } from '../src/background/capture/extractor-files';
import { extractEntities as extractWith } from '../src/shared/entities/extract';
import { extractEntities } from './archive/entities';
import type { CorpusArticle } from './archive/entity-corpus';
import { scoreCorpus } from './archive/entity-score';
import { defaultKnowledge } from './archive/knowledge';
import { knowledgePackFile, SHIPPED_TRIM, trimKnowledge, type PackTrim } from './archive/knowledge-pack';
import { build } from './build';
import { launchChromiumWithExtension } from './chromium-extension';
import { extractInBackground, restartChromiumWorker, type BackgroundEvaluate } from './entity-probe';
import { CORPORA } from './eval-entities';

const root = resolve(import.meta.dirname, '..');
type BrowserName = 'chromium' | 'firefox';

interface Corpus {
  label: string;
  articles: CorpusArticle[];
  build: ArticleEntity[][];
}

interface BrowserRun {
  browser: BrowserName;
  /** Per corpus, the browser's entities, article by article. */
  found: Map<string, ArticleEntity[][]>;
  /** ms of the first call in a fresh background: loading bundle and pack, on an empty text. */
  firstCallMs: number;
  /** Chromium only: the first call after the worker was stopped and started again. */
  restartFirstCallMs?: number;
  perArticleMs: number[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
const f1 = (n: number): string => n.toFixed(3);

/** Runs every corpus through the browser's capture extractor, after timing its first call. */
async function runInBrowser(
  browser: BrowserName,
  evaluate: BackgroundEvaluate,
  corpora: readonly Corpus[],
  restart?: () => Promise<BackgroundEvaluate>,
): Promise<BrowserRun> {
  const first = await extractInBackground(evaluate, ['']);
  const found = new Map<string, ArticleEntity[][]>();
  const perArticleMs: number[] = [];
  for (const corpus of corpora) {
    const run = await extractInBackground(evaluate, corpus.articles.map((a) => a.text));
    found.set(corpus.label, run.entities);
    perArticleMs.push(...run.ms);
  }
  const result: BrowserRun = { browser, found, firstCallMs: first.ms[0] ?? NaN, perArticleMs };
  if (restart) result.restartFirstCallMs = (await extractInBackground(await restart(), [''])).ms[0];
  return result;
}

async function chromiumRun(extensionDir: string, corpora: readonly Corpus[]): Promise<BrowserRun> {
  const { context, worker, extensionId, close } = await launchChromiumWithExtension(join(extensionDir, 'chromium'));
  try {
    const restart = (): Promise<BackgroundEvaluate> => restartChromiumWorker(context, extensionId);
    return await runInBrowser('chromium', <T>(expression: string) => worker.evaluate(expression) as Promise<T>, corpora, restart);
  } finally {
    await close();
  }
}

async function firefoxRun(extensionDir: string, corpora: readonly Corpus[]): Promise<BrowserRun> {
  // The Firefox driver of the browser tests reads the extension from $BACKSTORY_TEST_BUILD.
  process.env.BACKSTORY_TEST_BUILD = extensionDir;
  const { launchFirefox } = await import('../tests/e2e/drivers/firefox');
  const firefox = await launchFirefox();
  try {
    return await runInBrowser('firefox', (expression) => firefox.evaluateInBackground(expression), corpora);
  } finally {
    await firefox.close();
  }
}

interface PackOption {
  label: string;
  trim: PackTrim;
}

/** Parts of the knowledge that could be left out of the pack, largest first. */
const PACK_OPTIONS: PackOption[] = [
  { label: 'whole knowledge', trim: {} },
  { label: 'without towns (5,000-15,000 people)', trim: { dropKinds: ['town'] } },
  { label: 'without towns and weak cities', trim: { dropKinds: ['town'], dropWeakKinds: ['city'] } },
  { label: 'without name parts', trim: { dropLists: ['nameParts'] } },
  { label: 'without given names', trim: { dropLists: ['givenNames'] } },
  { label: 'without towns, weak cities, name parts', trim: { dropKinds: ['town'], dropWeakKinds: ['city'], dropLists: ['nameParts'] } },
];

interface PackFigures {
  label: string;
  raw: number;
  gzip: number;
  f1: Map<string, number>;
}

function packOptionFigures(corpora: readonly Corpus[]): PackFigures[] {
  return PACK_OPTIONS.map(({ label, trim }) => {
    const text = knowledgePackFile(defaultKnowledge(), trim);
    const knowledge = trimKnowledge(defaultKnowledge(), trim);
    const f1s = new Map<string, number>();
    for (const corpus of corpora) {
      const scored = corpus.articles.map((article) => ({ predicted: extractWith(article.text, knowledge), gold: article.gold }));
      f1s.set(corpus.label, scoreCorpus(scored).micro.f1);
    }
    return { label: isDeepStrictEqual(trim, SHIPPED_TRIM) ? `${label} (ships)` : label, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, f1: f1s };
  });
}

function fileSizes(dir: string): { file: string; raw: number; gzip: number }[] {
  return ['background.js', ENTITY_EXTRACTOR_SCRIPT, ENTITY_KNOWLEDGE_PACK].map((file) => {
    const bytes = readFileSync(join(dir, 'chromium', file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

function nodeMsPerArticle(corpora: readonly Corpus[]): number {
  const texts = corpora.flatMap((c) => c.articles.map((a) => a.text));
  texts.forEach((text) => extractEntities(text));
  const start = performance.now();
  texts.forEach((text) => extractEntities(text));
  return (performance.now() - start) / texts.length;
}

const BEGIN = '<!-- eval:entities:browser begin: written by `npm run eval:entities:browser`, do not edit by hand -->';
const END = '<!-- eval:entities:browser end -->';

function render(corpora: readonly Corpus[], runs: readonly BrowserRun[], sizes: ReturnType<typeof fileSizes>, packs: readonly PackFigures[], nodeMs: number): string {
  const lines: string[] = [BEGIN, ''];
  lines.push(`| Corpus | Articles | build typed F1 | ${runs.map((r) => `${r.browser} typed F1 | ${r.browser}: articles differing from the build`).join(' | ')} |`);
  lines.push(`| --- | --: | --: | ${runs.map(() => '--: | --:').join(' | ')} |`);
  for (const corpus of corpora) {
    const buildF1 = scoreCorpus(corpus.articles.map((a, i) => ({ predicted: corpus.build[i]!, gold: a.gold }))).micro.f1;
    const cells = runs.map((run) => {
      const found = run.found.get(corpus.label) ?? [];
      const score = scoreCorpus(corpus.articles.map((a, i) => ({ predicted: found[i] ?? [], gold: a.gold }))).micro.f1;
      const differing = corpus.build.filter((entities, i) => !isDeepStrictEqual(entities, found[i])).length;
      return `${f1(score)} | ${differing}`;
    });
    lines.push(`| ${corpus.label} | ${corpus.articles.length} | ${f1(buildF1)} | ${cells.join(' | ')} |`);
  }
  lines.push('', '| Browser | first call (loads bundle and pack) | first call after a worker restart | per article, median | per article, mean | mean against the build in Node (same machine) |', '| --- | --: | --: | --: | --: | --: |');
  for (const run of runs) {
    const restart = run.restartFirstCallMs === undefined ? '—' : `${run.restartFirstCallMs.toFixed(0)} ms`;
    lines.push(
      `| ${run.browser} | ${run.firstCallMs.toFixed(0)} ms | ${restart} | ${median(run.perArticleMs).toFixed(1)} ms | ${mean(run.perArticleMs).toFixed(1)} ms | ${(mean(run.perArticleMs) / nodeMs).toFixed(2)}× (Node ${nodeMs.toFixed(1)} ms) |`,
    );
  }
  lines.push('', '| Shipped file | size | gzip -9 |', '| --- | --: | --: |');
  for (const size of sizes) lines.push(`| \`${size.file}\` | ${kb(size.raw)} | ${kb(size.gzip)} |`);
  lines.push('', `| Knowledge pack | size | gzip -9 | ${corpora.map((c) => `${c.label} F1`).join(' | ')} |`, `| --- | --: | --: | ${corpora.map(() => '--:').join(' | ')} |`);
  for (const pack of packs) lines.push(`| ${pack.label} | ${kb(pack.raw)} | ${kb(pack.gzip)} | ${corpora.map((c) => f1(pack.f1.get(c.label) ?? NaN)).join(' | ')} |`);
  lines.push('', END);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { browser: { type: 'string', multiple: true }, 'no-write': { type: 'boolean', default: false } } });
  const browsers = (values.browser?.length ? values.browser : ['chromium', 'firefox']) as BrowserName[];
  const corpora: Corpus[] = CORPORA.map((corpus) => {
    const articles = corpus.load();
    return { label: corpus.label, articles, build: articles.map((a) => extractEntities(a.text)) };
  });
  const out = mkdtempSync(join(tmpdir(), 'backstory-entities-browser-'));
  try {
    await build({ seedDirs: [join(root, 'seeds')], outDir: out });
    const runs: BrowserRun[] = [];
    for (const browser of browsers) runs.push(browser === 'chromium' ? await chromiumRun(out, corpora) : await firefoxRun(out, corpora));
    const table = render(corpora, runs, fileSizes(out), packOptionFigures(corpora), nodeMsPerArticle(corpora));
    console.log(table);
    const docPath = join(root, 'docs/entities.md');
    if (!values['no-write']) {
      const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
      const start = doc.indexOf(BEGIN);
      const end = doc.indexOf(END);
      if (start < 0 || end < 0) throw new Error(`docs/entities.md has no markers ${BEGIN} … ${END}`);
      writeFileSync(docPath, doc.slice(0, start) + table + doc.slice(end + END.length));
    }
    const differing = runs.some((run) => corpora.some((c) => c.build.some((entities, i) => !isDeepStrictEqual(entities, run.found.get(c.label)?.[i]))));
    if (differing) console.error('eval:entities:browser: the browser found other entities than the build on some articles (see the table)');
    return differing ? 1 : 0;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

process.exitCode = await main();
