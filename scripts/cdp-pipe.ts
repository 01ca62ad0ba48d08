/**
 * Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`), with no
 * automation library in between. Playwright and Puppeteer attach to every new frame and
 * hold it paused while they set it up, which adds tens of milliseconds to an extension
 * iframe's start; a user's browser has no such debugger. The benchmark therefore opens
 * pages here without attaching to them and reads their timings afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumPath, CHROMIUM_SWITCHES } from './chromium-extension';

/**
 * A headless tab counts as hidden, and Chromium slows hidden renderers' timers and frames;
 * these make it behave like the visible tab a user is looking at (Playwright passes them too).
 */
const FOREGROUND_SWITCHES = ['--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'];

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class CdpPipe {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';
  private readonly listeners = new Map<string, Set<(params: unknown) => void>>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly input: Writable,
    output: Readable,
    private readonly profile: string,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
  }

  /** A headless Chromium with a fresh profile and, unless null, the unpacked extension in `extensionDir`. */
  static launch(extensionDir: string | null, args: string[] = []): CdpPipe {
    const profile = mkdtempSync(join(tmpdir(), 'backstory-cdp-'));
    const extension = extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
    const child = spawn(
      chromiumPath(),
      ['--headless', '--no-sandbox', '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--window-size=1280,800', ...FOREGROUND_SWITCHES, ...CHROMIUM_SWITCHES, ...extension, ...args, 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    const [, , , input, output] = child.stdio as unknown as [null, null, null, Writable, Readable];
    return new CdpPipe(child, input, output, profile);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    for (let end = this.buffer.indexOf('\0'); end !== -1; end = this.buffer.indexOf('\0')) {
      const message = JSON.parse(this.buffer.slice(0, end)) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
      this.buffer = this.buffer.slice(end + 1);
      // Events (messages without an id) go to their listeners: only tracing listens.
      if (message.method !== undefined) for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting || message.id === undefined) continue;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    }
  }

  send<T = unknown>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    const promise = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
    this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return promise;
  }

  /** Calls `listener` with the params of each `method` event until the returned function is called. */
  on(method: string, listener: (params: unknown) => void): () => void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  async targets(): Promise<TargetInfo[]> {
    return (await this.send<{ targetInfos: TargetInfo[] }>('Target.getTargets')).targetInfos;
  }

  /** Polls the browser's target list (the browser process only; no page is touched) until one matches. */
  async waitForTarget(matches: (target: TargetInfo) => boolean, timeoutMs = 10_000): Promise<TargetInfo> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.targets()).find(matches);
      if (found) return found;
      if (Date.now() > deadline) throw new Error('no such target appeared');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** Evaluates `expression` (awaiting a promise) in a target, attaching only for this. */
  async evaluate<T>(targetId: string, expression: string): Promise<T> {
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    try {
      const { result, exceptionDetails } = await this.send<{ result: { value: T }; exceptionDetails?: { exception?: { description?: string }; text: string } }>(
        'Runtime.evaluate',
        { expression, awaitPromise: true, returnByValue: true },
        sessionId,
      );
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    } finally {
      await this.send('Target.detachFromTarget', { sessionId });
    }
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.send('Browser.close').catch(() => undefined);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    this.child.kill('SIGKILL');
    rmSync(this.profile, { recursive: true, force: true });
  }
}
