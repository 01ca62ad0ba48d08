/** Capture in private windows: off by default, on only when the user turns it on; normal windows always. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, type FakeBrowser } from '../../helpers/fake-browser';

const fake: { browser: FakeBrowser } = vi.hoisted(() => ({ browser: undefined as unknown as FakeBrowser }));
vi.mock('../../../../src/shared/browser', () => ({
  get browser() {
    return fake.browser;
  },
}));

type Module = typeof import('../../../../src/background/capture/private-windows');
let privateWindows: Module;

beforeEach(async () => {
  fake.browser = fakeBrowser();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.resetModules();
  privateWindows = await import('../../../../src/background/capture/private-windows');
});

describe('capture in private windows', () => {
  it('is off in a private tab until the user turns it on, and always on in a normal one', async () => {
    expect(await privateWindows.mayCaptureIn({ incognito: true })).toBe(false);
    expect(await privateWindows.mayCaptureIn({ incognito: false })).toBe(true);
    expect(await privateWindows.mayCaptureIn({})).toBe(true);
    expect(await privateWindows.mayCaptureIn(undefined)).toBe(false);
    expect(await privateWindows.setCaptureInPrivateWindows(true)).toBe(true);
    expect(fake.browser.storage.local.data.get('capture-settings')).toEqual({ schemaVersion: 1, inPrivateWindows: true });
    expect(await privateWindows.mayCaptureIn({ incognito: true })).toBe(true);
    await privateWindows.setCaptureInPrivateWindows(false);
    expect(await privateWindows.mayCaptureIn({ incognito: true })).toBe(false);
  });

  it('reads a damaged setting as off', async () => {
    fake.browser.storage.local.data.set('capture-settings', { schemaVersion: 1, inPrivateWindows: 'yes' });
    expect(await privateWindows.mayCaptureIn({ incognito: true })).toBe(false);
  });
});
