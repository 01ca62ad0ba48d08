/**
 * A part of the sidebar that is split out of sidebar.js (see scripts/build.ts) and read
 * only when first needed, so the article paints without waiting for it.
 */
import { useEffect, useState } from 'preact/hooks';

export type ModuleState<T> = { status: 'loading' } | { status: 'ready'; module: T } | { status: 'error'; message: string };

export interface LazyModule<T> {
  /** Starts loading (once; again after a failure) and resolves with the module. */
  load(): Promise<T>;
  /** The module in a component: loading until it has arrived, then ready. */
  use(): ModuleState<T>;
}

export function lazyModule<T>(importModule: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  const load = (): Promise<T> => {
    pending ??= importModule().then(
      (module) => (loaded = module),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  const current = (): ModuleState<T> => (loaded === undefined ? { status: 'loading' } : { status: 'ready', module: loaded });
  return {
    load,
    use() {
      const [state, setState] = useState<ModuleState<T>>(current);
      useEffect(() => {
        if (state.status !== 'loading') return;
        let live = true;
        load().then(
          (module) => live && setState({ status: 'ready', module }),
          (error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
        );
        return () => {
          live = false;
        };
      }, []);
      return state;
    },
  };
}

/** Everything the first paint does not need (src/sidebar/extras.ts), as one chunk. */
export const sidebarExtras = lazyModule(() => import('./extras'));
