/**
 * The build users get: no test hooks in it, the same code as the build every browser test
 * loads, and Mozilla's linter (web-ext lint) finds no
 * error in the Firefox build, and no warning but the ones the README explains; the
 * content script within its 10 KB budget, and the sidebar's first paint without the code
 * it loads later (the Markdown parser, Readability).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build';
import { TEST_BUILD_DIR } from './paths';

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
  return new Map(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, readFileSync(join(dir, f), 'utf8')]),
  );
}

/** The scripts sidebar.html runs before its first paint: its module and the chunks it preloads. */
function sidebarFirstPaintScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'sidebar.html'), 'utf8');
  return [...html.matchAll(/<(?:script type="module" src|link rel="modulepreload" href)="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('the shipped build', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'backstory-shipped-'));
    await build({ seedDirs: [resolve('seeds')], outDir: out });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('carries no test hook, and is the very code the browser tests load', () => {
    for (const browser of ['chromium', 'firefox']) {
      const shipped = scripts(join(out, browser));
      for (const [file, source] of shipped) {
        for (const hook of ['backstoryTestHook', 'TEST_HOOKS', 'test-hook']) expect(source, `${browser}/${file}`).not.toContain(hook);
      }
      // The browser tests' build differs only in its archive (it adds the fixture seeds).
      const tested = scripts(join(TEST_BUILD_DIR, browser));
      expect([...tested.keys()].sort(), browser).toEqual([...shipped.keys()].sort());
      for (const [file, source] of shipped) expect(tested.get(file) === source, `${browser}/${file} is the same in both`).toBe(true);
      for (const page of ['sidebar.html', 'popup.html', 'options.html']) {
        expect(readFileSync(join(TEST_BUILD_DIR, browser, page), 'utf8'), page).toBe(readFileSync(join(out, browser, page), 'utf8'));
      }
    }
  });

  it('keeps the content script, which every page of an archived site runs, within 10 KB', () => {
    for (const browser of ['chromium', 'firefox']) {
      expect(statSync(join(out, browser, 'content.js')).size, browser).toBeLessThanOrEqual(10 * 1024);
    }
  });

  it('paints the sidebar without the code it needs only later, which it can still load', () => {
    for (const browser of ['chromium', 'firefox']) {
      const dir = join(out, browser);
      const first = sidebarFirstPaintScripts(dir);
      expect(first[0]).toBe('sidebar.js');
      const firstSource = first.map((path) => readFileSync(join(dir, path), 'utf8')).join('\n');
      // Strings only the Readability and marked libraries carry.
      const libraries = ['Readability constructor', 'markedjs/marked'];
      for (const library of libraries) expect(firstSource).not.toContain(library);
      // Every chunk the first scripts import, statically or on demand, is in the package.
      const imported = [...firstSource.matchAll(/(?:from|import\()\s*"\.\/((?:chunks\/)?[\w-]+\.js)"/g)].map((m) => m[1] ?? '');
      expect(imported.length).toBeGreaterThan(0);
      for (const path of imported) expect(existsSync(join(dir, path.startsWith('chunks/') ? path : `chunks/${path}`)), path).toBe(true);
      const later = [...scripts(join(dir, 'chunks')).values()].join('\n');
      for (const library of libraries) expect(later).toContain(library);
    }
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
