/**
 * Runs the worker's own capture extractor (src/background/capture/entities.ts) in a real
 * browser's extension background, for `npm run eval:entities:browser` and the browser test
 * tests/e2e/capture-entities.test.ts. The loader module is bundled here, from the same
 * source as the shipped worker, into a probe that the test evaluates in the background over
 * the browser's debugging protocol (Chromium's DevTools protocol, Firefox's Remote
 * Debugging Protocol), which no page can reach; the probe then loads the extension's own
 * entities/extractor.js and entities/knowledge.json as the worker does on a capture. The
 * build holds no hook: the probe exists only in the debugging session.
 */
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { ArticleEntity } from '../src/shared/archive-format';

const root = resolve(import.meta.dirname, '..');
const PROBE_GLOBAL = '__backstoryEntityProbe';

/** Evaluates an expression in the extension's background; a promise is awaited; the value must be JSON. */
export type BackgroundEvaluate = <T>(expression: string) => Promise<T>;

let probeSource: Promise<string> | undefined;

/** The probe's source: extractCapturedEntities on texts, keeping the answer to be read in slices. */
export function entityProbeSource(): Promise<string> {
  probeSource ??= esbuild
    .build({
      absWorkingDir: root,
      stdin: {
        resolveDir: root,
        loader: 'ts',
        contents: `
          import { extractCapturedEntities } from './src/background/capture/entities';
          const probe = {
            answer: '',
            async run(texts) {
              const ms = [];
              const found = [];
              for (const text of texts) {
                const start = performance.now();
                found.push(await extractCapturedEntities(text));
                ms.push(performance.now() - start);
              }
              probe.answer = JSON.stringify(found);
              return { ms, length: probe.answer.length };
            },
            slice: (from, to) => probe.answer.slice(from, to),
          };
          globalThis.${PROBE_GLOBAL} = probe;`,
      },
      bundle: true,
      format: 'iife',
      target: ['chrome120', 'firefox128'],
      write: false,
      logLevel: 'silent',
    })
    .then((result) => result.outputFiles[0]!.text);
  return probeSource;
}

/** Firefox's debugger hands strings over about 10,000 characters back as actors, not values. */
const SLICE = 4_000;

export interface ProbeRun {
  entities: ArticleEntity[][];
  /** Milliseconds each call took in the browser, the first one including the load. */
  ms: number[];
}

/** extractCapturedEntities on each text in the background, in order, one call after the other. */
export async function extractInBackground(evaluate: BackgroundEvaluate, texts: readonly string[]): Promise<ProbeRun> {
  const installed = await evaluate<boolean>(`typeof globalThis.${PROBE_GLOBAL} === 'object'`);
  if (!installed) await evaluate(`(() => { ${await entityProbeSource()}; return true; })()`);
  const { ms, length } = await evaluate<{ ms: number[]; length: number }>(`globalThis.${PROBE_GLOBAL}.run(${JSON.stringify(texts)})`);
  let answer = '';
  for (let from = 0; from < length; from += SLICE) {
    answer += await evaluate<string>(`globalThis.${PROBE_GLOBAL}.slice(${from}, ${from + SLICE})`);
  }
  return { entities: JSON.parse(answer) as ArticleEntity[][], ms };
}
