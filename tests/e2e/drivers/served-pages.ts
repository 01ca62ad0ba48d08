/** What both drivers answer for an http(s) request, and where their screenshots go. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from '../paths';

const NOT_FOUND = '<!doctype html><title>Not found</title><p>Not found (test server)</p>';

/** The page served at `url` (its fragment ignored), or a 404 page. */
export function servedPage(pages: ReadonlyMap<string, string>, url: string): { status: number; contentType: string; body: string } {
  const body = pages.get(url.split('#')[0] ?? '');
  return { status: body === undefined ? 404 : 200, contentType: 'text/html; charset=utf-8', body: body ?? NOT_FOUND };
}

/** test-results/screenshots/<browser>-<name>.png, its folder made. */
export function screenshotPath(browser: string, name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${browser}-${name}.png`);
}
