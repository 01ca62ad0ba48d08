/**
 * Capture in private windows: off unless the user turns it on in the options page.
 *
 * The browser decides first whether Backstory runs in private windows at all: Chromium
 * only when the user ticks "Allow in Incognito" (chrome://extensions → Backstory →
 * Details), Firefox only when the user allows "Run in Private Windows" (about:addons →
 * Backstory). The manifest's `incognito` is "spanning": one worker sees both kinds of
 * window and each tab says `incognito` (Firefox does not support "split"). Even when
 * allowed there, this setting keeps capture off until the user asks for it: an archive is
 * a lasting record of reading, which a private window is meant not to leave.
 */
import * as v from 'valibot';
import { readItem, storageItem, updateItem } from '../storage';

const CAPTURE_SETTINGS_VERSION = 1;

const CaptureSettings = v.object({
  schemaVersion: v.literal(CAPTURE_SETTINGS_VERSION),
  inPrivateWindows: v.boolean(),
});
type CaptureSettings = v.InferOutput<typeof CaptureSettings>;

const captureSettings = storageItem<CaptureSettings>('local', 'capture-settings', CaptureSettings, () => ({
  schemaVersion: CAPTURE_SETTINGS_VERSION,
  inPrivateWindows: false,
}));

export async function captureInPrivateWindows(): Promise<boolean> {
  return (await readItem(captureSettings)).inPrivateWindows;
}

export async function setCaptureInPrivateWindows(enabled: boolean): Promise<boolean> {
  return (await updateItem(captureSettings, (settings) => ({ ...settings, inPrivateWindows: enabled }))).inPrivateWindows;
}

/** Whether a capture may run in this tab: always in a normal window, in a private one only when the user said so. */
export async function mayCaptureIn(tab: { incognito?: boolean } | undefined): Promise<boolean> {
  if (!tab) return false;
  return tab.incognito !== true || captureInPrivateWindows();
}
