/** The toolbar badge: tells the user, per tab, that the page is in the archive. */
import { browser, t } from '../shared/browser';

export async function showArchivedBadge(tabId: number, archived: boolean): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: archived ? '1' : '' }),
    archived ? browser.action.setBadgeBackgroundColor({ tabId, color: '#1b5e9e' }) : Promise.resolve(),
    browser.action.setTitle({ tabId, title: archived ? t('badgeTitleArchived') : t('extensionName') }),
  ]);
}
