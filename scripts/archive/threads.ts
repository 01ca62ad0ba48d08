/** The build's worker threads: TypeScript modules started through worker-start.mjs. */
import { Worker } from 'node:worker_threads';

/** Starts `entry` (a module URL) in a worker thread; it reads `data` as workerData.data. */
export function startWorker(entry: URL, data?: unknown): Worker {
  return new Worker(new URL('./worker-start.mjs', import.meta.url), { workerData: { entry: entry.href, data } });
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
