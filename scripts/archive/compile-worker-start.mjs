// Entry of the compiler's worker threads: registers tsx (the build runs from TypeScript
// sources, and Node 20 does not hand a parent's --import hooks to a worker), then loads
// the worker itself.
import { register } from 'tsx/esm/api';

register();
await import('./compile-worker.ts');
