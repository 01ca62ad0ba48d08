/**
 * The background worker (an MV3 service worker in Chromium, an event page in Firefox).
 * It holds no state in memory that matters: everything lives in storage, because the
 * browser may stop it at any moment.
 */
import { browser } from '../shared/browser';
import { trackFocusedWindows } from './active-tab';
import { preloadEntityExtractorOnInstall } from './capture/entities';
import { captureHandlers } from './capture/handlers';
import { watchSiteAccess } from './capture/site-access';
import { createCaptureMenu, installCaptureTriggers } from './capture/triggers';
import { capturedHandlers } from './capture/captured-handlers';
import { watchCapturedArticles } from './capture/search-index';
import { onCommand } from './commands';
import { damagedHandlers } from './notes/damaged-handlers';
import { liveHandlers } from './live-handlers';
import { listenForDrafts } from './notes/drafts';
import { notesHandlers, saveDraft, watchSyncedNotes } from './notes/handlers';
import { pageHandlers } from './page-handlers';
import { listen } from './router';
import { installSearchEntryPoints } from './search-menu';
import { endTabSession, sessionForToken } from './tab-sessions';

// First, while the worker is first evaluated: Chromium allows the capture extractor's later load only so.
preloadEntityExtractorOnInstall();

listen(
  {
    ...pageHandlers,
    ...notesHandlers,
    ...damagedHandlers,
    ...liveHandlers,
    ...captureHandlers,
    ...capturedHandlers,
  },
  sessionForToken,
);

watchSyncedNotes();
watchCapturedArticles();
listenForDrafts(sessionForToken, saveDraft);

browser.commands.onCommand.addListener((command: string) => void onCommand(command));
installSearchEntryPoints([createCaptureMenu]);
installCaptureTriggers();
watchSiteAccess();
trackFocusedWindows();

browser.tabs.onRemoved.addListener((tabId: number) => {
  void endTabSession(tabId);
});
