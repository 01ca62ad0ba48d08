/**
 * Builds a synthetic archive in a process of its own (build-synthetic.ts), so that the
 * build's peak memory is its own and the benchmark's process keeps only what it measures
 * (building 50,000 articles inside `npm run bench:search` ran it out of heap). The seeds
 * are made first, in yet another process, so that the build's peak is the build's. A
 * folder already holding a finished build of that size and extractor is reused
 * (`--work-dir`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** What build-synthetic.ts prints. */
interface BuiltInProcess {
  articles: number;
  ms: number;
  cpuMs: number;
  peakRssBytes: number;
  hosts: number;
  workers: number;
}

export interface ChildBuild extends BuiltInProcess {
  /** True when an earlier build in the same folder was used instead. */
  reused: boolean;
}

export interface ChildBuildOptions {
  /** One more site per 20 articles (`npm run bench`'s archive). */
  manyHosts: boolean;
  /** The build's own entity extractor instead of the benchmark's cheap one. */
  realExtractor?: boolean;
}

/** The figures of the build in a folder, kept beside it with what it was built with. */
const buildRecord = (work: string): string => join(work, 'build.json');

export function buildInOwnProcess(size: number, work: string, options: ChildBuildOptions): ChildBuild {
  const record = buildRecord(work);
  const extractor = options.realExtractor ? 'real' : 'synthetic';
  if (existsSync(record) && existsSync(join(work, 'dist/chromium/manifest.json'))) {
    const previous = JSON.parse(readFileSync(record, 'utf8')) as BuiltInProcess & { extractor?: string };
    if (previous.articles === size && previous.extractor === extractor) return { ...previous, reused: true };
  }
  const run = (...flags: string[]): string =>
    execFileSync('npx', ['tsx', join(root, 'scripts/bench/build-synthetic.ts'), String(size), work, ...(options.manyHosts ? ['--many-hosts'] : []), ...flags], { encoding: 'utf8', maxBuffer: 1 << 24 });
  run('--seeds-only');
  const built = JSON.parse(run(...(options.realExtractor ? ['--real-extractor'] : [])).trim().split('\n').pop() ?? '{}') as BuiltInProcess;
  writeFileSync(record, JSON.stringify({ ...built, extractor }));
  return { ...built, reused: false };
}
