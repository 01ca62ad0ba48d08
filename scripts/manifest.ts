/**
 * Turns the one source manifest (manifest.json) into each browser's manifest: content
 * script and web-accessible-resource matches become the archive's hosts, and keys the
 * other browser does not know are dropped so neither browser warns about them.
 */
import { sitePattern } from '../src/shared/url-key';

export type BrowserTarget = 'chromium' | 'firefox';
export const BROWSER_TARGETS: readonly BrowserTarget[] = ['chromium', 'firefox'];

const HOSTS_PLACEHOLDER = '__ARCHIVE_HOSTS__';

/** One pattern a site (sitePattern: the site and its subdomains), so 50,000 articles on 300 sites are 300 patterns. */
export function hostMatchPatterns(hosts: readonly string[]): string[] {
  return [...new Set(hosts)].sort().map(sitePattern);
}

type Json = Record<string, unknown>;

function withHostMatches(entries: unknown, patterns: string[]): unknown {
  if (!Array.isArray(entries)) return entries;
  return entries.map((entry: Json) =>
    Array.isArray(entry.matches) && entry.matches.includes(HOSTS_PLACEHOLDER) ? { ...entry, matches: patterns } : entry,
  );
}

export function browserManifest(
  source: Json,
  target: BrowserTarget,
  options: { hosts: readonly string[]; version: string },
): Json {
  const patterns = hostMatchPatterns(options.hosts);
  if (patterns.length === 0) throw new Error('the archive has no hosts: the content script would match nothing');
  const manifest: Json = structuredClone(source);
  manifest.version = options.version;
  manifest.content_scripts = withHostMatches(manifest.content_scripts, patterns);
  manifest.web_accessible_resources = withHostMatches(manifest.web_accessible_resources, patterns);

  const background = { ...(manifest.background as Json) };
  if (target === 'chromium') {
    delete background.scripts;
    delete manifest.browser_specific_settings;
  } else {
    delete background.service_worker;
    // Firefox's moz-extension origin is already random per install; it does not know the key.
    manifest.web_accessible_resources = (manifest.web_accessible_resources as Json[]).map(
      ({ use_dynamic_url: _ignored, ...entry }) => entry,
    );
  }
  manifest.background = background;
  if (JSON.stringify(manifest).includes(HOSTS_PLACEHOLDER)) {
    throw new Error(`manifest.json still has a ${HOSTS_PLACEHOLDER} placeholder the build does not know`);
  }
  return manifest;
}
