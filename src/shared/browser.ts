/**
 * The one seam to the WebExtension API. Everything else imports `browser` from here, so
 * unit tests replace this module (vi.mock) instead of patching globals, and the polyfill
 * gives Chromium the promise-based `browser.*` namespace Firefox has natively.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, Storage } from 'webextension-polyfill';
export { browser };

/** The extension's own origin with a trailing slash, e.g. "chrome-extension://<id>/". */
export function extensionOrigin(): string {
  return browser.runtime.getURL('/');
}

/** A user-visible string from _locales/<lang>/messages.json. */
export function t(name: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(name, substitutions) || name;
}
