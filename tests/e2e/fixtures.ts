/** The articles and pages the browser tests serve, and checks shared by test files. */
import { readFileSync } from 'node:fs';
import type { TestFrame, TestPage } from './drivers/types';

export const SEED_URL =
  'https://sputnikglobe.com/20240208/iraqi-militias-vow-steadfast-holy-war-against-us-occupation-after-commanders-killing-1116665114.html';
export const SEED_TITLE = 'Iraqi Militias Vow ‘Steadfast’ Holy War Against US Occupation After Commander’s Killing';
export const FIXTURE_URL = 'https://sputnikglobe.com/20240203/us-strikes-iraq-syria-kirby-1116600000.html';
export const FIXTURE_TITLE = 'US Launches Strikes in Iraq and Syria, Kirby Says More to Come';

const SEED_PAGE_TEMPLATE = readFileSync('tests/fixtures/pages/seed-article.html', 'utf8');

/** The seed article as a news site would serve it; `head` adds canonical/og tags. */
export function seedArticlePage(head = ''): string {
  return SEED_PAGE_TEMPLATE.replace('<!--HEAD-->', head);
}

export function plainPage(title: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><h1>${title}</h1><p>Not an archived article.</p></body></html>`;
}

const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** axe-core's serious and critical violations in a frame, as "rule: target" lines. */
export async function seriousAxeViolations(frame: TestFrame): Promise<string[]> {
  await frame.runScript(AXE_SOURCE);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, null);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.targets.join(', ')}`);
}

/** Polls `read` until it returns `expected` (or the time is up), and returns the last value. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read().catch(() => undefined as T);
  while (!Object.is(value, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read().catch(() => undefined as T);
  }
  return value;
}

/** Whether the content script put its sidebar host into the page. */
export function hasSidebarHost(page: TestPage): Promise<boolean> {
  return page.evaluate(() => document.querySelector('backstory-sidebar') !== null, null);
}

/** Open means the page is narrowed beside the sidebar. */
export function sidebarOpen(page: TestPage): Promise<boolean> {
  return page.evaluate(() => !['', '0px'].includes(document.documentElement.style.marginRight), null);
}
