/** The build's worker threads: TypeScript modules started through worker-start.mjs. */
import { Worker } from 'node:worker_threads';

/**
 * A worker's old-generation heap limit. V8 sizes a heap's limit by the machine's memory
 * (gigabytes here) and collects lazily below it, so without one each compile worker grew
 * to ~500 MB of mostly garbage; the extractor needs ~90 MB of knowledge and a few MB an article.
 */
export const WORKER_HEAP_MB = 256;

/** Starts `entry` (a module URL) in a worker thread; it reads `data` as workerData.data. */
export function startWorker(entry: URL, data?: unknown, heapMb = WORKER_HEAP_MB): Worker {
  return new Worker(new URL('./worker-start.mjs', import.meta.url), {
    workerData: { entry: entry.href, data },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
}

/**
 * Runs `entry` in a worker thread of its own and resolves with the one message it posts.
 * Memory the work needs (the entity knowledge: ~150 MB) is released with the thread.
 */
export async function inOwnThread<T>(entry: URL, data?: unknown): Promise<T> {
  const worker = startWorker(entry, data);
  try {
    return await new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`${entry.pathname} stopped (exit code ${code}) before answering`)));
    });
  } finally {
    await worker.terminate();
  }
}
