/**
 * Where the build puts the capture extractor's files in the extension, and the global the
 * extractor bundle defines: shared by the build (scripts/build.ts) and the worker's loader
 * (./entities.ts), so the two cannot disagree.
 */
export const ENTITY_EXTRACTOR_SCRIPT = 'entities/extractor.js';
export const ENTITY_KNOWLEDGE_PACK = 'entities/knowledge.json';
/** `globalThis[ENTITY_EXTRACTOR_GLOBAL]()` runs the bundle and returns its exports (./extractor-bundle.ts). */
export const ENTITY_EXTRACTOR_GLOBAL = '__backstoryEntityExtractor';
