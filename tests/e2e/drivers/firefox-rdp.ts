/**
 * A minimal client of the Firefox Remote Debugging Protocol (the one about:debugging and
 * web-ext use), to evaluate code in the extension's own background page and in the
 * browser's parent process. Firefox is started with `--start-debugger-server <port>`; no
 * page can reach this channel, so tests drive the shipped build through it instead of
 * through a hook inside the extension.
 *
 * Packets are `<byte length>:<JSON>`. Each actor answers its requests in order;
 * `evaluateJSAsync` answers at once with a resultID and sends the result later as an
 * `evaluationResult` event.
 */
import { createConnection, createServer, type Socket } from 'node:net';

interface Packet {
  from: string;
  type?: string;
  error?: string;
  message?: string;
  [key: string]: unknown;
}

interface Waiter {
  resolve(packet: Packet): void;
  reject(error: Error): void;
}

/** A port nothing listens on now, for the debugger server. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** The preferences Firefox needs to accept a debugger client without asking. */
export const REMOTE_DEBUGGING_PREFS = {
  'devtools.debugger.remote-enabled': true,
  'devtools.chrome.enabled': true,
  'devtools.debugger.prompt-connection': false,
};

export class FirefoxRdp {
  private incoming = Buffer.alloc(0);
  /** Per actor, the requests sent and not yet answered, in order. */
  private readonly replies = new Map<string, Waiter[]>();
  private readonly evaluations = new Map<string, Waiter>();
  /** Results that arrived before their waiter (in the same chunk as the resultID). */
  private readonly earlyResults = new Map<string, Packet>();
  private readonly targetForms: Array<Record<string, unknown>> = [];
  private readonly greeting: Promise<Packet>;

  private constructor(private readonly socket: Socket) {
    this.greeting = new Promise((resolve, reject) => this.replies.set('root', [{ resolve, reject }]));
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', (error) => this.failAll(error));
    socket.on('close', () => this.failAll(new Error('the Firefox debugger connection closed')));
  }

  /** Connects to Firefox's debugger server, retrying while Firefox starts it. */
  static async connect(port: number, timeoutMs = 15_000): Promise<FirefoxRdp> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = createConnection({ port, host: '127.0.0.1' }, () => resolve(s));
          s.once('error', reject);
        });
        const client = new FirefoxRdp(socket);
        await client.greeting;
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`no Firefox debugger server on port ${port}: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private failAll(error: Error): void {
    for (const waiters of this.replies.values()) for (const waiter of waiters) waiter.reject(error);
    for (const waiter of this.evaluations.values()) waiter.reject(error);
    this.replies.clear();
    this.evaluations.clear();
  }

  private receive(chunk: Buffer): void {
    this.incoming = Buffer.concat([this.incoming, chunk]);
    for (;;) {
      const colon = this.incoming.indexOf(':');
      if (colon < 1) return;
      const length = Number(this.incoming.subarray(0, colon).toString());
      if (this.incoming.length < colon + 1 + length) return;
      const packet = JSON.parse(this.incoming.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
      this.incoming = this.incoming.subarray(colon + 1 + length);
      this.dispatch(packet);
    }
  }

  private dispatch(packet: Packet): void {
    if (packet.type === 'evaluationResult') {
      const id = String(packet.resultID);
      const waiter = this.evaluations.get(id);
      if (waiter) waiter.resolve(packet);
      else this.earlyResults.set(id, packet);
      this.evaluations.delete(id);
      return;
    }
    if (packet.type === 'target-available-form') {
      this.targetForms.push(packet.target as Record<string, unknown>);
      return;
    }
    // Other events (no request waits on them) are not needed here.
    const waiters = this.replies.get(packet.from);
    const waiter = packet.type !== undefined && !packet.error ? undefined : waiters?.shift();
    if (!waiter) {
      // An answer has no `type`, or an `error`; a typed packet without error is an event.
      return;
    }
    if (packet.error) waiter.reject(new Error(`${packet.from}: ${packet.error}: ${packet.message ?? ''}`));
    else waiter.resolve(packet);
  }

  request(to: string, type: string, params: object = {}): Promise<Packet> {
    const promise = new Promise<Packet>((resolve, reject) => {
      const waiters = this.replies.get(to) ?? [];
      waiters.push({ resolve, reject });
      this.replies.set(to, waiters);
    });
    const body = JSON.stringify({ to, type, ...params });
    this.socket.write(`${Buffer.byteLength(body)}:${body}`);
    return promise;
  }

  /** The descriptor actor of an installed add-on. */
  private async addonActor(addonId: string): Promise<string> {
    const { addons } = (await this.request('root', 'listAddons')) as unknown as { addons: Array<{ id: string; actor: string }> };
    const addon = addons.find((a) => a.id === addonId);
    if (!addon) throw new Error(`add-on ${addonId} is not installed (have ${addons.map((a) => a.id).join(', ')})`);
    return addon.actor;
  }

  /**
   * Stops the add-on's background page as Firefox does when the event page is idle
   * (about:debugging's "Terminate background script"); the next event starts it again.
   */
  async terminateBackground(addonId: string): Promise<void> {
    await this.request(await this.addonActor(addonId), 'terminateBackgroundScript');
  }

  /** The console actor of an installed add-on's background page. */
  async addonConsole(addonId: string): Promise<string> {
    const addon = { actor: await this.addonActor(addonId) };
    // Firefox 140+: a descriptor's targets are listed by its watcher, as target-available-form events.
    const { actor: watcher } = (await this.request(addon.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true })) as unknown as { actor: string };
    await this.request(watcher, 'watchTargets', { targetType: 'frame' });
    // The newest: a background page stopped and started again is listed anew.
    const background = [...this.targetForms].reverse().find((form) => String(form.url).includes('_generated_background_page'));
    if (!background) throw new Error(`the add-on's background page is not among ${this.targetForms.map((form) => String(form.url)).join(', ')}`);
    return String(background.consoleActor);
  }

  /** The console actor of the browser's parent process (chrome privileges: the browser's own windows). */
  async parentProcessConsole(): Promise<string> {
    const { processDescriptor } = (await this.request('root', 'getProcess', { id: 0 })) as unknown as { processDescriptor: { actor: string } };
    const { process } = (await this.request(processDescriptor.actor, 'getTarget')) as unknown as { process: { consoleActor: string } };
    return process.consoleActor;
  }

  /**
   * Evaluates `expression` (awaiting a promise) with the console actor's global and returns
   * its value, which the expression must make JSON (the protocol otherwise answers with
   * object grips).
   */
  async evaluate<T>(consoleActor: string, expression: string): Promise<T> {
    const text = `(async () => JSON.stringify(await (${expression})))()`;
    const { resultID } = (await this.request(consoleActor, 'evaluateJSAsync', { text, mapped: { await: true } })) as unknown as { resultID: string };
    const id = String(resultID);
    const early = this.earlyResults.get(id);
    this.earlyResults.delete(id);
    const result = early ?? (await new Promise<Packet>((resolve, reject) => this.evaluations.set(id, { resolve, reject })));
    if (result.exceptionMessage !== undefined || result.hasException) {
      throw new Error(`evaluation in Firefox failed: ${String(result.exceptionMessage ?? JSON.stringify(result.exception))}`);
    }
    const value = result.result;
    if (typeof value !== 'string') return undefined as T;
    return JSON.parse(value) as T;
  }

  close(): void {
    this.socket.destroy();
  }
}
