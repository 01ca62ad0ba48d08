import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { extractEntities as buildExtractEntities } from '../../../../scripts/archive/entities';
import { readArticleText } from '../../../../scripts/archive/entity-corpus';
import { knowledgePackFile } from '../../../../scripts/archive/knowledge-pack';
import {
  createCapturedEntityExtractor,
  ENTITY_TEXT_LIMIT,
  EntityExtractorLoadError,
  entityTextWithinLimit,
  type ExtractorSources,
} from '../../../../src/background/capture/entities';

vi.mock('../../../../src/shared/browser', () => ({ browser: { runtime: { getURL: (path: string) => `chrome-extension://id/${path}` } } }));

const SEED = new URL('../../../../seeds/000_59385ec765e4fea4.txt', import.meta.url).pathname;
let packText: string | undefined;

/** The bundle's entry and the pack the build writes, read in Node, counting loads. */
function nodeSources(): ExtractorSources & { loads: number } {
  const sources = {
    loads: 0,
    async loadModule() {
      sources.loads++;
      return import('../../../../src/background/capture/extractor-bundle');
    },
    async loadPack() {
      packText ??= knowledgePackFile();
      return JSON.parse(packText) as unknown;
    },
  };
  return sources;
}

describe('extractCapturedEntities', () => {
  it("finds in a captured article what the build finds, with the build's knowledge from the pack", async () => {
    const text = readArticleText(SEED);
    const extract = createCapturedEntityExtractor(nodeSources());
    const found = await extract(text);
    expect(found.length).toBeGreaterThan(10);
    expect(found).toEqual(buildExtractEntities(text));
  }, 30_000);

  it('loads the extractor and its knowledge once, for calls at the same time and later ones', async () => {
    const sources = nodeSources();
    const extract = createCapturedEntityExtractor(sources);
    const [a, b] = await Promise.all([extract('Reuters reported from Nairobi on Monday.'), extract('Ngozi Okafor spoke in Lagos.')]);
    await extract('The IMF met in Washington.');
    expect(sources.loads).toBe(1);
    expect(a.map((e) => e.id)).toContain('place:nairobi');
    expect(b.map((e) => e.id)).toContain('place:lagos');
  }, 30_000);

  it('says why when the extractor cannot load, and tries again on the next call', async () => {
    const sources = nodeSources();
    let failures = 1;
    const loadPack = sources.loadPack;
    sources.loadPack = async () => {
      if (failures-- > 0) throw new Error('entities/knowledge.json answered 404');
      return loadPack();
    };
    const extract = createCapturedEntityExtractor(sources);
    await expect(extract('Paris.')).rejects.toThrow(EntityExtractorLoadError);
    await expect(extract('Talks in Paris.')).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ id: 'place:paris' })]));
  }, 30_000);

  it('reads a huge text only up to its limit, so mentions stay exact offsets into the whole text', async () => {
    const paragraph = 'Officials in Nairobi met the IMF on Monday.';
    const text = Array.from({ length: Math.ceil((ENTITY_TEXT_LIMIT * 1.5) / paragraph.length) }, () => paragraph).join('\n\n');
    const extract = createCapturedEntityExtractor(nodeSources());
    const found = await extract(text);
    const nairobi = found.find((e) => e.id === 'place:nairobi');
    expect(nairobi).toBeDefined();
    const readUpTo = entityTextWithinLimit(text).length;
    expect(readUpTo).toBeLessThanOrEqual(ENTITY_TEXT_LIMIT);
    expect(nairobi!.count).toBe(Math.floor((readUpTo + 2) / (paragraph.length + 2)));
    for (const entity of found) for (const [start, end] of entity.mentions) {
      expect(end).toBeLessThanOrEqual(readUpTo);
      expect(entity.aliases).toContain(text.slice(start, end));
    }
  }, 60_000);
});

describe('entityTextWithinLimit', () => {
  it('keeps a text under the limit whole, and cuts a longer one at a paragraph, else a word', () => {
    expect(entityTextWithinLimit('short text', 100)).toBe('short text');
    expect(entityTextWithinLimit(`${'a'.repeat(70)}\n\n${'b'.repeat(50)}`, 100)).toBe('a'.repeat(70));
    expect(entityTextWithinLimit(`${'word '.repeat(30)}`, 100)).toBe('word '.repeat(20).trimEnd());
    expect(entityTextWithinLimit('x'.repeat(150), 100)).toBe('x'.repeat(100));
  });
});
