/**
 * The page-load bench's variants of a built extension: each changes how the manifest names
 * the archive's sites (or takes one part of Backstory away), so that the difference in a
 * page's load names what that costs (perf.ts, `--only pages`). Applied to a copy of the
 * build (extensionVariant in sidebar-timing.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sitePattern } from '../../src/shared/url-key';

type Manifest = Record<string, unknown> & {
  content_scripts?: Array<{ matches: string[] } & Record<string, unknown>>;
  host_permissions?: string[];
};

async function editManifest(dir: string, edit: (manifest: Manifest) => void): Promise<void> {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  edit(manifest);
  await writeFile(file, JSON.stringify(manifest));
}

/** The content script's site patterns, as the build wrote them. */
const sitePatterns = (manifest: Manifest): string[] => manifest.content_scripts?.[0]?.matches ?? [];

/**
 * Adds made-up sites (no articles) to the content script's matches until there are
 * `count`: the cost that grows with the site count, measured on a small archive.
 */
export function padSites(count: number): (dir: string) => Promise<void> {
  return (dir) =>
    editManifest(dir, (manifest) => {
      const script = manifest.content_scripts?.[0];
      if (!script) throw new Error('the build has no content script to pad');
      const patterns = new Set(script.matches);
      for (let i = 0; patterns.size < count; i++) patterns.add(sitePattern(`padding-${i}-news.example`));
      script.matches = [...patterns].sort();
    });
}

export interface Variant {
  name: string;
  change: (dir: string) => Promise<void>;
}

/** The variants, for a page on `site` (the archive's own pattern for it is kept where a variant cuts). */
export function pageLoadVariants(site: string): Variant[] {
  const own = sitePattern(site);
  // How the cost grows with the site count: the first `count` sites, the page's among them.
  const firstSites = (count: number): Variant => ({
    name: `content-script matches cut to ${count.toLocaleString('en')} sites`,
    change: (dir) =>
      editManifest(dir, (manifest) => {
        for (const script of manifest.content_scripts ?? []) script.matches = [own, ...script.matches.filter((pattern) => pattern !== own).slice(0, count - 1)];
      }),
  });
  return [
    firstSites(1000),
    firstSites(2500),
    {
      name: "content-script matches cut to the page's site (1 pattern)",
      change: (dir) =>
        editManifest(dir, (manifest) => {
          for (const script of manifest.content_scripts ?? []) script.matches = script.matches.filter((pattern) => pattern === own);
        }),
    },
    {
      name: 'content script emptied (no work, no message), matches kept',
      change: (dir) => writeFile(join(dir, 'content.js'), ''),
    },
    {
      // Whether the cost is in the permission set or in the content script's patterns.
      name: "the sites as host_permissions, content-script matches cut to the page's site",
      change: (dir) =>
        editManifest(dir, (manifest) => {
          manifest.host_permissions = sitePatterns(manifest);
          for (const script of manifest.content_scripts ?? []) script.matches = [own];
        }),
    },
    {
      // The candidate: the sites only as host permissions (what the user is shown), and the
      // content script registered by the worker at install on every http(s) page, which the
      // browser injects only where the extension holds a host permission.
      name: 'the sites as host_permissions, the script registered on *://*/* (runs where permitted)',
      change: async (dir) => {
        await editManifest(dir, (manifest) => {
          manifest.host_permissions = sitePatterns(manifest);
          delete manifest.content_scripts;
        });
        const worker = join(dir, 'background.js');
        // The shipped worker would register the granted sites (all 5,005 here) for captures;
        // it is told of none, so the one registration below is all there is.
        const register = `chrome.permissions.getAll = (callback) => { const none = { origins: [], permissions: [] }; if (callback) callback(none); return Promise.resolve(none); };
chrome.runtime.onInstalled.addListener(() => chrome.scripting.registerContentScripts([{ id: 'bench-where-permitted', matches: ['*://*/*'], js: ['content.js'], runAt: 'document_start', allFrames: false, persistAcrossSessions: true }]));
`;
        await writeFile(worker, register + (await readFile(worker, 'utf8')));
      },
    },
  ];
}
