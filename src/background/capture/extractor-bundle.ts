/**
 * The entry of `entities/extractor.js`, the separate bundle the worker loads on the first
 * capture (./entities.ts): the shared extractor with wink-nlp and its English model (most
 * of the bundle's 3.7 MB) and the knowledge pack's decoder. The build wraps the bundle in a
 * function (see ENTITY_EXTRACTOR_GLOBAL) so that evaluating the file defines that function
 * and nothing more: wink's model is read only when the first capture calls it.
 */
import { extractEntities } from '../../shared/entities/extract';
import { decodeKnowledgePack } from '../../shared/entities/knowledge-pack';

export { extractEntities, decodeKnowledgePack };
