/**
 * Showing the sidebar on a captured site's later visits. Backstory has no host permission
 * of its own: at capture it asks for that one site (`optional_host_permissions`,
 * permissions.request within the user's action), and for every site granted it registers
 * the content script (scripting.registerContentScripts), so later visits look the page up
 * as on the archive's own sites. Declined, the capture is kept all the same, and the
 * sidebar appears when the user opens the popup on the page (activeTab, ./capture.ts).
 * The registration follows the grants: at install and browser start and whenever the user
 * grants or revokes a site (permissions.onAdded / onRemoved, also from the browser's own
 * site-access controls).
 */
import { browser } from '../../shared/browser';
import { siteHost, siteOfPattern, sitePattern } from '../../shared/url-key';
import { serializedByKey } from '../storage';

const SCRIPT_ID = 'backstory-captured-sites';

/** The host patterns of a page's site: the site and its subdomains, http and https (as the manifest's archive hosts). */
export function siteOrigins(pageUrl: string): { site: string; origins: string[] } | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.') || /^[\d.]+$|:/.test(url.hostname)) return null;
  const site = siteHost(url.hostname);
  return { site, origins: [sitePattern(site)] };
}

/**
 * Asks for the site of `pageUrl`. Call it first thing in the user's action's handler
 * (Firefox honours permissions.request only while it handles the input); the answer
 * arrives when the user has chosen, and a refusal or an error is only "not granted".
 */
export function requestSiteAccess(pageUrl: string | undefined): Promise<boolean> {
  const site = pageUrl === undefined ? null : siteOrigins(pageUrl);
  if (!site) return Promise.resolve(false);
  try {
    return browser.permissions.request({ origins: site.origins }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export async function hasSiteAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins }).catch(() => false);
}

function sitesOf(patterns: readonly string[]): Set<string> {
  return new Set(patterns.flatMap((pattern) => siteOfPattern(pattern) ?? []));
}

/** The content script's own manifest sites: Chromium lists them among the granted origins. */
function manifestSites(): Set<string> {
  const scripts = (browser.runtime.getManifest().content_scripts ?? []) as Array<{ matches?: string[] }>;
  return sitesOf(scripts.flatMap((script) => script.matches ?? []));
}

/**
 * Registers the content script on exactly the sites the user granted (none: unregistered).
 * One at a time: two grants close together would both see "not registered", and the
 * second registration would fail on the taken id, leaving its site out until the next start.
 */
export function syncSiteScripts(): Promise<void> {
  return serializedByKey(SCRIPT_ID, registerOnGrantedSites);
}

async function registerOnGrantedSites(): Promise<void> {
  const declared = manifestSites();
  const granted = [...sitesOf((await browser.permissions.getAll()).origins ?? [])].filter((site) => !declared.has(site)).map(sitePattern);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) {
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = { id: SCRIPT_ID, matches: [...granted].sort(), js: ['content.js'], runAt: 'document_start' as const, allFrames: false, persistAcrossSessions: true };
  if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

export function watchSiteAccess(): void {
  const sync = (): void => void syncSiteScripts().catch((error: unknown) => console.warn('Backstory: registering the content script on captured sites failed', error));
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
}
