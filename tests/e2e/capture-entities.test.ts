/**
 * The capture extractor in the browsers: the worker's own loader (src/background/capture/
 * entities.ts, run in the extension's background by scripts/entity-probe.ts over the
 * debugging protocol) loads the test build's entities/extractor.js and knowledge pack, and
 * finds in the seed articles exactly what the build found in Node. In Chromium also in a
 * later life of the worker, where only the import made at install lets it load the bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractEntities } from '../../scripts/archive/entities';
import { readArticleText } from '../../scripts/archive/entity-corpus';
import { launchChromiumWithExtension } from '../../scripts/chromium-extension';
import { extractInBackground, restartChromiumWorker, type BackgroundEvaluate } from '../../scripts/entity-probe';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser } from './drivers/types';
import { TEST_SEED_DIRS } from './global-setup';
import { CHROMIUM_EXTENSION_DIR, TEST_BUILD_DIR } from './paths';
import type { ExtractorModule } from '../../src/background/capture/entities';

/** The test build's seed articles (the bundled seed, the fixture, the hostile ones), as the build read them. */
const seedTexts = TEST_SEED_DIRS.slice(0, 2).flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readArticleText(join(dir, file))),
);

const extractorLoaded = (evaluate: BackgroundEvaluate): Promise<boolean> =>
  evaluate<boolean>(`typeof globalThis.__backstoryEntityExtractor === 'function'`);

describe('the capture extractor in the build', () => {
  it('is not in the worker bundle, and its own file runs nothing until asked', () => {
    for (const browser of ['chromium', 'firefox']) {
      const dir = join(TEST_BUILD_DIR, browser);
      const worker = readFileSync(join(dir, 'background.js'), 'utf8');
      const extractor = readFileSync(join(dir, 'entities/extractor.js'), 'utf8');
      // A string only wink-nlp carries.
      expect(extractor).toContain('wink-nlp: invalid model used');
      expect(worker).not.toContain('wink-nlp: invalid model used');
      expect(worker.length, browser).toBeLessThan(150 * 1024);
      const scope: Record<string, unknown> = {};
      runInNewContext(extractor, { globalThis: scope, atob });
      expect(Object.keys(scope)).toEqual(['__backstoryEntityExtractor']);
      const module = (scope.__backstoryEntityExtractor as () => ExtractorModule)();
      const knowledge = module.decodeKnowledgePack(JSON.parse(readFileSync(join(dir, 'entities/knowledge.json'), 'utf8')));
      expect(module.extractEntities(seedTexts[0]!, knowledge)).toEqual(extractEntities(seedTexts[0]!));
    }
  });
});

describe.each(testBrowsers())('capture entities in %s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
  });
  afterAll(() => browser?.close());

  it("finds in the seed articles exactly the build's entities", async () => {
    const evaluate: BackgroundEvaluate = (expression) => browser.evaluateInBackground(expression);
    // Firefox's event page has not loaded it at start (Chromium's worker evaluated it at install: see below).
    if (browserName === 'firefox') expect(await extractorLoaded(evaluate)).toBe(false);
    const run = await extractInBackground(evaluate, seedTexts);
    expect(seedTexts.length).toBeGreaterThanOrEqual(2);
    expect(run.entities.map((entities) => entities.length).every((n) => n > 5)).toBe(true);
    expect(run.entities).toEqual(seedTexts.map((text) => extractEntities(text)));
    expect(await extractorLoaded(evaluate)).toBe(true);
  });
});

describe('capture entities in a later life of Chromium’s worker', () => {
  it('loads the extractor bundle on first use, after the worker was stopped and started again', async () => {
    const { context, extensionId, close } = await launchChromiumWithExtension(CHROMIUM_EXTENSION_DIR);
    try {
      const evaluate = await restartChromiumWorker(context, extensionId);
      expect(await extractorLoaded(evaluate)).toBe(false); // the new life did not pay for it at start
      const text = seedTexts[0]!;
      const run = await extractInBackground(evaluate, [text]);
      expect(run.entities[0]).toEqual(extractEntities(text));
      expect(await extractorLoaded(evaluate)).toBe(true);
    } finally {
      await close();
    }
  });
});
