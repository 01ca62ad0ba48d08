// Entry of the build's worker threads (scripts/archive/threads.ts): registers tsx (the
// build runs from TypeScript sources, and Node 20 does not hand a parent's --import hooks
// to a worker), then loads the worker module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
