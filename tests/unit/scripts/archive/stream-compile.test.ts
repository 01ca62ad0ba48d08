/**
 * The build's streaming compiler (scripts/archive/stream-compile.ts) against the in-memory
 * compileArchive: the same files, byte for byte once unpacked, on the real seeds (real
 * entity extractor) and on a synthetic 2,000-article archive, in this thread and in
 * worker threads.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKED_FILE_SUFFIX } from '../../../../src/shared/archive-format';
import { compileArchive, listSeedFiles, type CompiledArchive } from '../../../../scripts/archive/compile';
import { ArchiveBuildError } from '../../../../scripts/archive/seed-errors';
import { compileArchiveTo, type StreamCompileOptions } from '../../../../scripts/archive/stream-compile';
import { syntheticArchive, syntheticExtractor } from '../../../../scripts/bench/synthetic-archive';
import { fromRoot, readRepoFile, SEED_FILE, FIXTURE_SEED_FILE, BAD_SEEDS_DIR } from '../../helpers/repo';

const work = mkdtempSync(join(tmpdir(), 'stream-compile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let runs = 0;

/** Every file of a built archive folder: its path (without the packed suffix) → its unpacked JSON text. */
function unpackedFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name));
    expect(path.endsWith(PACKED_FILE_SUFFIX), path).toBe(true);
    files.set(path.slice(0, -PACKED_FILE_SUFFIX.length), inflateRawSync(readFileSync(join(dir, path))).toString('utf8'));
  }
  return files;
}

async function streamed(seedFiles: string[], options: StreamCompileOptions): Promise<{ dirs: string[]; summary: Awaited<ReturnType<typeof compileArchiveTo>> }> {
  const run = join(work, `run-${runs++}`);
  const dirs = [join(run, 'chromium/archive'), join(run, 'firefox/archive')];
  const summary = await compileArchiveTo(seedFiles, dirs, join(run, 'scratch'), options);
  return { dirs, summary };
}

function expectSameFiles(dirs: string[], expected: CompiledArchive): void {
  const want = new Map([...expected.files, ...expected.search].map(([path, value]) => [path, JSON.stringify(value)]));
  const [first, second] = dirs.map(unpackedFiles);
  expect([...first!.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [path, text] of want) expect(first!.get(path), path).toBe(text);
  expect(second).toEqual(first);
}

describe('compileArchiveTo writes what compileArchive computes', () => {
  it('on the real seeds with the real extractor, in this thread and in two worker threads', async () => {
    const seedFiles = [SEED_FILE, FIXTURE_SEED_FILE].map(fromRoot);
    const expected = compileArchive(seedFiles.map((file) => ({ file, content: readFileSync(file, 'utf8') })));
    for (const workers of [0, 2]) {
      const { dirs, summary } = await streamed(seedFiles, { workers });
      expect(summary.workers).toBe(workers);
      expect(summary.meta).toEqual(expected.meta);
      expect(summary.hosts).toEqual(expected.hosts);
      expectSameFiles(dirs, expected);
    }
  }, 120_000);

  it('on a synthetic archive of 2,000 articles from many sites, in this thread and in worker threads', async () => {
    const synthetic = syntheticArchive(readRepoFile(SEED_FILE), 2000, { manyHosts: true });
    const seedDir = join(work, 'synthetic-seeds');
    mkdirSync(seedDir, { recursive: true });
    for (const [name, content] of synthetic.files) writeFileSync(join(seedDir, name), content);
    const seedFiles = await listSeedFiles(seedDir);
    const extract = syntheticExtractor(synthetic.entities);
    const expected = compileArchive(seedFiles.map((file) => ({ file, content: readFileSync(file, 'utf8') })), { extractEntities: extract });
    const inThread = await streamed(seedFiles, { extractEntities: extract });
    expect(inThread.summary.workers).toBe(0);
    expectSameFiles(inThread.dirs, expected);
    const inWorkers = await streamed(seedFiles, {
      workers: 2,
      extractor: { module: new URL('../../../../scripts/bench/synthetic-archive.ts', import.meta.url).href, export: 'syntheticExtractor', data: synthetic.entities },
    });
    expect(inWorkers.summary.workers).toBe(2);
    expectSameFiles(inWorkers.dirs, expected);
  }, 180_000);
});

describe('compileArchiveTo on bad seeds', () => {
  it('reports every problem of every seed together, as compileArchive does, and writes no article', async () => {
    const seedFiles = [...(await listSeedFiles(fromRoot(BAD_SEEDS_DIR))), fromRoot(SEED_FILE), fromRoot(SEED_FILE)];
    let expected: unknown;
    try {
      compileArchive(seedFiles.map((file) => ({ file, content: readFileSync(file, 'utf8') })));
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(ArchiveBuildError);
    const run = join(work, 'bad');
    await expect(compileArchiveTo(seedFiles, [join(run, 'archive')], join(run, 'scratch'), { workers: 2 })).rejects.toThrow((expected as Error).message);
    expect(existsSync(join(run, 'archive'))).toBe(false);
  });
});
