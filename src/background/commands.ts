/** Keyboard commands declared in the manifest's "commands". */
import { activeTabId } from './active-tab';
import { toggleSidebar } from './page-handlers';

export async function onCommand(command: string): Promise<void> {
  // A shortcut has nowhere to show a failure; the popup explains the same failures.
  if (command === 'toggle-sidebar') await toggleSidebar(await activeTabId()).catch(() => undefined);
}
