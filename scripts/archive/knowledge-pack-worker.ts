/** Makes the shipped knowledge pack in a thread of its own (scripts/build.ts), so the build's main thread never holds the knowledge. */
import { parentPort } from 'node:worker_threads';
import { knowledgePackFile } from './knowledge-pack';

parentPort?.postMessage(knowledgePackFile());
