/**
 * All or nothing: a build that is killed while it compiles leaves the previous dist/ as it
 * was, and the next build clears the staging folder the killed one left.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchiveFile } from '../../../scripts/archive/archive-files';
import type { ArchiveMeta } from '../../../src/shared/archive-format';
import { syntheticArchive } from '../../../scripts/bench/synthetic-archive';
import { fromRoot, readRepoFile, SEED_FILE } from '../helpers/repo';

const work = mkdtempSync(join(tmpdir(), 'build-staging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const dist = join(work, 'dist');
const SIZE = 400;

/** The benchmark's one-build script (scripts/bench/build-synthetic.ts) in one process, so its pid names its staging folder. */
function startBuild(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fromRoot('scripts/bench/build-synthetic.ts'), String(SIZE), work, '--workers', '1'], { cwd: fromRoot('.'), stdio: 'ignore' });
}

const exited = (child: ChildProcess): Promise<number | null> => new Promise((resolve) => child.once('exit', (code) => resolve(code)));

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length))
    .sort();
}

const articleCount = (): number => readArchiveFile<ArchiveMeta>(join(dist, 'chromium/archive'), 'meta.json').articleCount;

/** Resolves once `ready` holds, checking as the build writes (it writes continuously while compiling). */
async function until(ready: () => boolean, child: ChildProcess): Promise<void> {
  let done = false;
  child.once('exit', () => (done = true));
  while (!ready()) {
    if (done) throw new Error('the build ended before the condition held');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a build killed halfway', () => {
  it('leaves the previous dist/ intact, and the next build removes what it left', async () => {
    const synthetic = syntheticArchive(readRepoFile(SEED_FILE), SIZE, { manyHosts: true });
    mkdirSync(join(work, 'seeds'), { recursive: true });
    for (const [name, content] of synthetic.files) writeFileSync(join(work, 'seeds', name), content);

    expect(await exited(startBuild())).toBe(0);
    const before = { chromium: listing(join(dist, 'chromium')), firefox: listing(join(dist, 'firefox')) };
    expect(articleCount()).toBe(SIZE);

    // One article more, so the next build's archive differs from the one in place.
    writeFileSync(join(work, 'seeds', 'extra.txt'), ` date 2025-01-01 https://example-news.org/extra.html\n\nOne more article\n\nIts summary.\n`);
    const killed = startBuild();
    const staging = join(dist, `.staging-${killed.pid}`);
    const articles = join(staging, 'chromium/archive/articles');
    await until(() => existsSync(articles) && readdirSync(articles).length >= 20, killed);
    killed.kill('SIGKILL');
    await exited(killed);

    expect(existsSync(staging)).toBe(true);
    expect(listing(join(dist, 'chromium'))).toEqual(before.chromium);
    expect(listing(join(dist, 'firefox'))).toEqual(before.firefox);
    expect(articleCount()).toBe(SIZE);

    expect(await exited(startBuild())).toBe(0);
    expect(articleCount()).toBe(SIZE + 1);
    expect(existsSync(staging)).toBe(false);
    expect(readdirSync(dist).sort()).toEqual(['chromium', 'firefox']);
  }, 300_000);
});
