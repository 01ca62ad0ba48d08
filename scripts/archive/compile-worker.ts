/** A worker thread of the streaming compiler (stream-compile.ts, started by threads.ts): runs article jobs until closed. */
import { parentPort, workerData } from 'node:worker_threads';
import { ArchiveWriter } from './archive-files';
import { loadExtractor, runArticleJob, type ArticleJob, type ExtractorSpec } from './article-job';

export interface WorkerSetup {
  extractor: ExtractorSpec;
  archiveDirs: string[];
}

export type WorkerReply = { ok: true; outcome: ReturnType<typeof runArticleJob> } | { ok: false; doc: number; error: string };

const setup = (workerData as { data: WorkerSetup }).data;
const port = parentPort;
if (!port) throw new Error('compile-worker.ts runs as a worker thread');
const writer = new ArchiveWriter(setup.archiveDirs);
const extract = await loadExtractor(setup.extractor);
port.on('message', (job: ArticleJob) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, outcome: runArticleJob(job, extract, writer) };
  } catch (error) {
    reply = { ok: false, doc: job.doc, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  port.postMessage(reply);
});
