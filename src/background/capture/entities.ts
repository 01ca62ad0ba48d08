/**
 * Entities of a captured article, found in the worker by the same extractor and knowledge
 * the build uses (docs/entities.md, "In the browser"). Both are loaded on the first capture,
 * not at the worker's start: the extractor with wink-nlp's model is a separate bundle
 * (entities/extractor.js, about 3.7 MB) and the knowledge a packed file
 * (entities/knowledge.json), and both stay cached for the worker's life.
 *
 * Loading a script later is what a service worker may not do: Chromium refuses import() in
 * one, and importScripts() of a file it did not import while installing. So the worker
 * imports the bundle during its install event (`preloadEntityExtractorOnInstall`, called from
 * main.ts): the bundle only defines a function then, and later lives of the worker may
 * import it again when a capture needs it. Firefox's event page loads it as a script element.
 */
import type { ArticleEntity } from '../../shared/archive-format';
import { browser } from '../../shared/browser';
import { ENTITY_EXTRACTOR_GLOBAL, ENTITY_EXTRACTOR_SCRIPT, ENTITY_KNOWLEDGE_PACK } from './extractor-files';

/** What the extractor bundle exports (a type only: importing it would bundle wink into the worker). */
export type ExtractorModule = typeof import('./extractor-bundle');

export interface ExtractorSources {
  loadModule(): Promise<ExtractorModule>;
  /** The knowledge pack's JSON, not yet checked. */
  loadPack(): Promise<unknown>;
}

/**
 * Captured text past this many characters is not read for entities. The extractor's time
 * grows faster than the text (each name is searched again in all of it), and the worker
 * answers nothing else meanwhile: in Chromium here 5,000 characters take about 0.2 s, 20,000
 * 0.7 s, 50,000 2 s (docs/performance.md). A news article is 3,000 to 30,000 characters.
 * Mentions are found up to the last paragraph break before the limit; their offsets index
 * the full text.
 */
export const ENTITY_TEXT_LIMIT = 50_000;

/** The part of `text` the extractor reads: all of it, or up to a paragraph (else a word) break before the limit. */
export function entityTextWithinLimit(text: string, limit = ENTITY_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const paragraph = head.lastIndexOf('\n\n');
  if (paragraph > limit / 2) return head.slice(0, paragraph);
  const space = head.search(/\s\S*$/);
  return space > 0 ? head.slice(0, space) : head;
}

export class EntityExtractorLoadError extends Error {}

/** An extractor that loads its code and knowledge from `sources` on first use, once, and again after a failed load. */
export function createCapturedEntityExtractor(sources: ExtractorSources): (text: string) => Promise<ArticleEntity[]> {
  let ready: Promise<(text: string) => ArticleEntity[]> | undefined;
  const load = (): Promise<(text: string) => ArticleEntity[]> => {
    if (ready) return ready;
    const loading = (async () => {
      const [module, pack] = await Promise.all([sources.loadModule(), sources.loadPack()]);
      const knowledge = module.decodeKnowledgePack(pack);
      return (text: string) => module.extractEntities(text, knowledge);
    })().catch((error: unknown) => {
      if (ready === loading) ready = undefined;
      throw new EntityExtractorLoadError(`the entity extractor could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    });
    ready = loading;
    return loading;
  };
  return async (text) => {
    const extract = await load();
    return extract(entityTextWithinLimit(text));
  };
}

type ExtractorFactory = () => ExtractorModule;

interface WorkerScope {
  importScripts?: (url: string) => void;
  addEventListener?: (type: string, listener: () => void) => void;
  ServiceWorkerGlobalScope?: unknown;
}

const scope = globalThis as unknown as WorkerScope & Record<string, unknown>;

function extractorFactory(): ExtractorFactory | undefined {
  const factory = scope[ENTITY_EXTRACTOR_GLOBAL];
  return typeof factory === 'function' ? (factory as ExtractorFactory) : undefined;
}

async function loadScript(url: string): Promise<void> {
  if (typeof scope.importScripts === 'function') {
    scope.importScripts(url);
    return;
  }
  if (typeof document === 'undefined') throw new Error('this context can neither import a script nor add one to a document');
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`${url} did not load`)), { once: true });
    document.head.append(script);
  });
}

/** The extension's own files: the extractor bundle and the knowledge pack. */
export const packagedExtractorSources: ExtractorSources = {
  async loadModule() {
    if (!extractorFactory()) await loadScript(browser.runtime.getURL(ENTITY_EXTRACTOR_SCRIPT));
    const factory = extractorFactory();
    if (!factory) throw new Error(`${ENTITY_EXTRACTOR_SCRIPT} did not define its extractor`);
    return factory();
  },
  async loadPack() {
    const response = await fetch(browser.runtime.getURL(ENTITY_KNOWLEDGE_PACK));
    if (!response.ok) throw new Error(`${ENTITY_KNOWLEDGE_PACK} answered ${response.status}`);
    return response.json();
  },
};

/**
 * Chromium's service worker may importScripts() a file later only if it imported it while
 * installing; call this during the worker's first evaluation. Elsewhere (Firefox's event
 * page, unit tests) it does nothing.
 */
export function preloadEntityExtractorOnInstall(): void {
  if (scope.ServiceWorkerGlobalScope === undefined || typeof scope.importScripts !== 'function') return;
  scope.addEventListener?.('install', () => {
    try {
      scope.importScripts?.(browser.runtime.getURL(ENTITY_EXTRACTOR_SCRIPT));
    } catch (error) {
      // Capture still works without entities; the first capture will say why they are missing.
      console.warn(`Backstory: ${ENTITY_EXTRACTOR_SCRIPT} could not be imported at install:`, error);
    }
  });
}

/** The entities of a captured article's full text (title, summary, paragraphs joined as `articleFullText` does). */
export const extractCapturedEntities: (text: string) => Promise<ArticleEntity[]> = createCapturedEntityExtractor(packagedExtractorSources);
