/** The user's sidebar preferences: closed per site, and its width. */
import * as v from 'valibot';
import { STORAGE_SCHEMA_VERSION, readItem, storageItem, updateItem } from './storage';

export const DEFAULT_SIDEBAR_WIDTH = 420;

const Settings = v.object({
  schemaVersion: v.literal(STORAGE_SCHEMA_VERSION),
  /** Site hosts (siteHost) on which the user closed the sidebar. */
  closedSites: v.array(v.string()),
  sidebarWidth: v.pipe(v.number(), v.integer(), v.minValue(240), v.maxValue(1200)),
});
export type Settings = v.InferOutput<typeof Settings>;

const settingsItem = storageItem<Settings>('local', 'settings', Settings, () => ({
  schemaVersion: STORAGE_SCHEMA_VERSION,
  closedSites: [],
  sidebarWidth: DEFAULT_SIDEBAR_WIDTH,
}));

export function readSettings(): Promise<Settings> {
  return readItem(settingsItem);
}

export async function rememberSidebarState(site: string, open: boolean, width?: number): Promise<void> {
  await updateItem(settingsItem, (settings) => {
    const closed = new Set(settings.closedSites);
    if (open) closed.delete(site);
    else closed.add(site);
    return { ...settings, closedSites: [...closed].sort(), sidebarWidth: width ?? settings.sidebarWidth };
  });
}
