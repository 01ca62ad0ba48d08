/**
 * The capture triggers and the popup's view of a tab, in private windows: no site is ever
 * asked for from a private tab (a grant would show the sidebar on that site in every window,
 * a lasting trace of private reading), and with capture off there the popup offers no button
 * and says why. A normal tab asks, as before.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';

type Listener = (...args: unknown[]) => void;
const fake: { browser: Record<string, unknown> } = vi.hoisted(() => ({ browser: {} }));
let base: FakeBrowser;
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
  t: (key: string) => key,
}));
// What the capture itself does is capture.test.ts's; here only whether it is asked.
const capture = vi.hoisted(() => ({ captureTab: vi.fn(async () => ({ status: 'no-article' as const })) }));
vi.mock('../../../../src/background/capture/capture', () => capture);

const URL_ = 'https://www.ledger.example/news/2024/harbour-plan';
const TAB = 7;
let incognito = false;
const listeners: Record<string, Listener> = {};
const requested: unknown[] = [];

beforeEach(() => {
  base = fakeBrowser();
  incognito = false;
  requested.length = 0;
  capture.captureTab.mockClear();
  fake.browser = {
    ...base,
    tabs: { get: vi.fn(async (id: number) => ({ id, url: URL_, incognito })), query: vi.fn(async () => [{ id: TAB }]) },
    windows: { getAll: vi.fn(async () => [{ id: 1, type: 'normal', focused: true }]) },
    permissions: {
      request: vi.fn((asked: unknown) => {
        requested.push(asked);
        return Promise.resolve(true);
      }),
      contains: vi.fn(async () => false),
    },
    contextMenus: { onClicked: { addListener: (l: Listener) => void (listeners.menu = l) } },
    commands: { onCommand: { addListener: (l: Listener) => void (listeners.command = l) } },
    action: {},
  };
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const modules = async () => {
  vi.resetModules();
  const triggers = await import('../../../../src/background/capture/triggers');
  const { captureHandlers } = await import('../../../../src/background/capture/handlers');
  const privateWindows = await import('../../../../src/background/capture/private-windows');
  triggers.installCaptureTriggers();
  return { triggers, captureHandlers, privateWindows };
};

const waitForCapture = () => vi.waitFor(() => expect(capture.captureTab).toHaveBeenCalled());

describe('capture triggers and private windows', () => {
  it('asks for the site from the menu and the command in a normal tab', async () => {
    await modules();
    listeners.menu!({ menuItemId: 'backstory-capture-page', pageUrl: URL_ }, { id: TAB, url: URL_, incognito: false });
    listeners.command!('capture-page', { id: TAB, url: URL_, incognito: false });
    await waitForCapture();
    expect(requested).toHaveLength(2);
  });

  it('never asks for the site from a private tab, even with capture allowed there', async () => {
    const { privateWindows } = await modules();
    await privateWindows.setCaptureInPrivateWindows(true);
    listeners.menu!({ menuItemId: 'backstory-capture-page', pageUrl: URL_ }, { id: TAB, url: URL_, incognito: true });
    listeners.command!('capture-page', { id: TAB, url: URL_, incognito: true });
    await waitForCapture();
    expect(requested).toEqual([]);
  });

  it('offers no button in a private tab while capture is off there, and says why', async () => {
    const { captureHandlers, privateWindows } = await modules();
    incognito = true;
    const sender = { role: 'extension-page' } as never;
    expect(await captureHandlers['popup/capturable']({}, sender)).toMatchObject({ page: null, last: { outcome: { status: 'private-window' } } });
    await privateWindows.setCaptureInPrivateWindows(true);
    // Allowed: the button, but nothing to ask for (the popup asks only when siteAccess is false).
    expect(await captureHandlers['popup/capturable']({}, sender)).toMatchObject({ page: { site: 'ledger.example', siteAccess: true }, last: null });
    incognito = false;
    expect(await captureHandlers['popup/capturable']({}, sender)).toMatchObject({ page: { site: 'ledger.example', siteAccess: false } });
  });

  it('tells a menu capture’s outcome to the next popup once', async () => {
    const { triggers } = await modules();
    listeners.menu!({ menuItemId: 'backstory-capture-page', pageUrl: URL_ }, { id: TAB, url: URL_, incognito: false });
    await vi.waitFor(async () => expect(base.storage.session.data.get('captureOutcomes')).toBeDefined());
    const [first, second] = await Promise.all([triggers.takeOutcome(TAB), triggers.takeOutcome(TAB)]);
    expect([first, second].filter(Boolean)).toEqual([expect.objectContaining({ outcome: { status: 'no-article' } })]);
  });
});
