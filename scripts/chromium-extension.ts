/**
 * Starts Debian's Chromium with an unpacked extension loaded, for the browser tests and the
 * benchmarks alike. These switches are the ones measured to work on these machines:
 * `launchPersistentContext` (a plain launch never sees the service worker),
 * `--disable-extensions-except`, and no background networking (this network is closed).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** Debian's Chromium: the binary itself, not the /usr/bin wrapper script. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('Chromium is missing: run `npm run browsers` (or apt-get install -y chromium)');
  return found;
}

export interface ChromiumLaunch {
  context: BrowserContext;
  /** The extension's service worker. */
  worker: Worker;
  extensionId: string;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/** Chromium's background traffic fails on this closed network, many connections at a time. */
export const CHROMIUM_SWITCHES = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  args?: string[];
  /** Headed on this X display (e.g. ":99", an Xvfb), for what only a headed browser shows: its native dialogs. */
  display?: string;
}

/** A Chromium with a fresh profile; the extension in `extensionDir` loaded, or none (null). */
export async function launchChromium(
  extensionDir: string | null,
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const extension = extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.display === undefined,
    ...(options.display === undefined ? {} : { env: { ...process.env, DISPLAY: options.display } }),
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [
      ...extension,
      ...CHROMIUM_SWITCHES,
      ...(options.args ?? []),
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchChromiumWithExtension(extensionDir: string, options: LaunchOptions = {}): Promise<ChromiumLaunch> {
  const { context, close } = await launchChromium(extensionDir, options);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, extensionId: new URL(worker.url()).host, close };
}
