/**
 * Builds a synthetic archive in a process of its own (build-synthetic.ts), so that the
 * build's peak memory is its own and the benchmark's process keeps only what it measures
 * (building 50,000 articles inside `npm run bench:search` ran it out of heap). A folder
 * already holding a finished build of that size is reused (`--work-dir`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface ChildBuild {
  articles: number;
  ms: number;
  peakRssBytes: number;
  hosts: number;
  /** True when an earlier build in the same folder was used instead. */
  reused: boolean;
}

/** The figures of the build in a folder, kept beside it. */
const buildRecord = (work: string): string => join(work, 'build.json');

/**
 * The build's heap limit: the compiler's memory is the build's issue (#19), not what these
 * benchmarks measure, and Node's default (about 4 GB here) is below its 100,000-article peak.
 */
const BUILD_HEAP_MB = 16_000;

export function buildInOwnProcess(size: number, work: string, manyHosts: boolean): ChildBuild {
  const record = buildRecord(work);
  if (existsSync(record) && existsSync(join(work, 'dist/chromium/manifest.json'))) {
    const previous = JSON.parse(readFileSync(record, 'utf8')) as Omit<ChildBuild, 'reused'>;
    if (previous.articles === size) return { ...previous, reused: true };
  }
  const out = execFileSync('npx', ['tsx', join(root, 'scripts/bench/build-synthetic.ts'), String(size), work, ...(manyHosts ? ['--many-hosts'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${BUILD_HEAP_MB}` },
  });
  const line = out.trim().split('\n').pop() ?? '{}';
  writeFileSync(record, line);
  return { ...(JSON.parse(line) as Omit<ChildBuild, 'reused'>), reused: false };
}
