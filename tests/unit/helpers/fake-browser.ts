/** An in-memory `browser` for notes unit tests: storage areas that behave like the browser's, and can fail. */
import { vi } from 'vitest';

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

export class FakeArea {
  data = new Map<string, unknown>();
  /** When set, the next set() rejects with it (as a full quota does). */
  failWith: Error | null = null;
  constructor(
    private readonly name: string,
    private readonly listeners: Set<Listener>,
  ) {}
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failWith) {
      const error = this.failWith;
      this.failWith = null;
      throw error;
    }
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      changes[key] = { oldValue: this.data.get(key), newValue: structuredClone(value) };
      this.data.set(key, structuredClone(value));
    }
    for (const listener of this.listeners) listener(changes, this.name);
  }
  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      if (!this.data.has(key)) continue;
      changes[key] = { oldValue: this.data.get(key) };
      this.data.delete(key);
    }
    if (Object.keys(changes).length > 0) for (const listener of this.listeners) listener(changes, this.name);
  }
}

/**
 * Makes the area's next read answer only when the returned function is called, with what
 * storage held when it was asked (a read that a write overtakes).
 */
export function answerNextReadLate(area: FakeArea): () => void {
  const read = area.get.bind(area);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  vi.spyOn(area, 'get').mockImplementationOnce(async (keys) => {
    const snapshot = await read(keys);
    await gate;
    return snapshot;
  });
  return release;
}

export function fakeBrowser() {
  const listeners = new Set<Listener>();
  const sent: unknown[] = [];
  return {
    sent,
    storage: {
      local: new FakeArea('local', listeners),
      session: new FakeArea('session', listeners),
      sync: new FakeArea('sync', listeners),
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
    /** As the manifest asks: unlimitedStorage granted. */
    permissions: { contains: async ({ permissions }: { permissions: string[] }) => permissions.every((p) => p === 'unlimitedStorage') },
    runtime: {
      id: 'ext-id',
      getManifest: () => ({ manifest_version: 3, name: 'Backstory', version: '0.1.0' }),
      getURL: (path: string) => `chrome-extension://ext-id/${path.replace(/^\//, '')}`,
      sendMessage: vi.fn(async (message: unknown) => {
        sent.push(message);
      }),
      onMessage: { addListener: vi.fn(), removeListener: vi.fn() },
    },
  };
}

export type FakeBrowser = ReturnType<typeof fakeBrowser>;
