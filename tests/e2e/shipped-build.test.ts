/**
 * The build users get: no test hooks in it, and Mozilla's linter (web-ext lint) finds no
 * error in the Firefox build, and no warning but the ones the README explains.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build';

interface LintMessage {
  code: string;
  file?: string;
}
interface LintResult {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** Preact's renderer contains `innerHTML =` for dangerouslySetInnerHTML, which Backstory never uses. */
const EXPLAINED_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT']);

function scripts(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('the shipped build', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'backstory-shipped-'));
    await build({ seedDirs: [resolve('seeds')], outDir: out, testHooks: false });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('carries no test hook, while the test build does', () => {
    for (const browser of ['chromium', 'firefox']) {
      for (const [file, source] of scripts(join(out, browser))) {
        expect(source, `${browser}/${file}`).not.toContain('backstoryTestHook');
      }
    }
    const testBuild = [...scripts(resolve(process.env.BACKSTORY_TEST_BUILD ?? 'dist-test', 'chromium')).values()].join('\n');
    expect(testBuild).toContain('backstoryTestHook');
  });

  it('passes web-ext lint for Firefox with no error and only explained warnings', async () => {
    const result = (await webExt.cmd.lint(
      { sourceDir: join(out, 'firefox'), output: 'none', boring: true },
      { shouldExitProgram: false },
    )) as LintResult;
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code).filter((code) => !EXPLAINED_WARNINGS.has(code))).toEqual([]);
  });

  it('declares the Gecko settings Firefox and its add-on store need, and Chromium’s service worker', () => {
    const firefox = JSON.parse(readFileSync(join(out, 'firefox', 'manifest.json'), 'utf8'));
    expect(firefox.browser_specific_settings.gecko).toMatchObject({
      id: 'backstory@backstory.example',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    const chromium = JSON.parse(readFileSync(join(out, 'chromium', 'manifest.json'), 'utf8'));
    expect(chromium.background).toEqual({ service_worker: 'background.js' });
    expect(JSON.stringify([firefox, chromium])).not.toContain('<all_urls>');
  });
});
