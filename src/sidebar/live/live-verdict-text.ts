/** The status line's words for a comparison (docs/live-diff.md, "Naming the change"). */
import { t } from '../../shared/browser';
import type { LiveDiff } from '../../shared/live-diff';
import type { LiveChanges } from '../../shared/live-verdict';

/** "1 paragraph added" / "3 paragraphs added": one message for one, one for more (i18n has no plurals). */
function counted(count: number, key: string): string | null {
  if (count === 0) return null;
  return count === 1 ? t(`${key}_one`) : t(key, String(count));
}

function words(count: number): string {
  return count === 1 ? t('liveOneWord') : t('liveWords', String(count));
}

/** The kinds of change, in the order a reader weighs them. */
export function changeNames(changes: LiveChanges): string[] {
  return [
    changes.headline ? t('liveKind_headline') : null,
    changes.corrections > 0 ? t('liveKind_correction') : null,
    counted(changes.paragraphsAdded, 'liveKind_paragraphsAdded'),
    counted(changes.paragraphsRemoved, 'liveKind_paragraphsRemoved'),
    counted(changes.sentencesEdited, 'liveKind_sentencesEdited'),
    counted(changes.sentencesAdded, 'liveKind_sentencesAdded'),
    counted(changes.sentencesRemoved, 'liveKind_sentencesRemoved'),
  ].filter((name): name is string => name !== null);
}

/** "Unchanged since archived", or "Changed: 1 paragraph added (16 words added, 0 removed)". */
export function verdictText(diff: LiveDiff, changes: LiveChanges): string {
  const unchanged = diff.added === 0 && diff.removed === 0;
  if (changes.partial) {
    // "(subscriber gate)" only where the page marks one.
    const key = changes.partial === 'gate' ? 'livePartial' : 'livePartialCut';
    return unchanged ? t(`${key}Unchanged`) : t(`${key}Changed`, [changeNames(changes).join(', '), words(diff.added), String(diff.removed)]);
  }
  if (unchanged) return t('liveUnchanged');
  return t('liveChanged', [changeNames(changes).join(', '), words(diff.added), String(diff.removed)]);
}
