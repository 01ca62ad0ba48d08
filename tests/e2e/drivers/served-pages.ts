/** What both drivers answer for an http(s) request, and where their screenshots go. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from '../paths';

const NOT_FOUND = '<!doctype html><title>Not found</title><p>Not found (test server)</p>';

/** A served resource other than a plain page: a script, or one that arrives late. */
export interface ServeOptions {
  contentType?: string;
  /** Answer only after this long, as a slow server (or a slow third-party script) does. */
  delayMs?: number;
}

export type ServedPages = Map<string, { body: string } & ServeOptions>;

/** The page served at `url` (its fragment ignored), or a 404 page. */
export async function servedPage(pages: ServedPages, url: string): Promise<{ status: number; contentType: string; body: string }> {
  const served = pages.get(url.split('#')[0] ?? '');
  if (served?.delayMs) await new Promise((resolve) => setTimeout(resolve, served.delayMs));
  return {
    status: served === undefined ? 404 : 200,
    contentType: served?.contentType ?? 'text/html; charset=utf-8',
    body: served?.body ?? NOT_FOUND,
  };
}

/** test-results/screenshots/<browser>-<name>.png, its folder made. */
export function screenshotPath(browser: string, name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${browser}-${name}.png`);
}
