import { useState } from 'preact/hooks';
import type { Article } from '../../shared/archive-format';
import { t } from '../../shared/browser';
import { useLiveComparison, type LiveComparison } from './use-live-comparison';
import { verdictText } from './live-verdict-text';
import { WithExtras } from '../WithExtras';

interface Props {
  /** The archived article, compared with the page the sidebar sits beside. */
  article: Article;
}

function message(state: LiveComparison): string {
  switch (state.status) {
    case 'waiting':
    case 'loading':
      return t('liveComparing');
    case 'failed':
      return t('liveFailed');
    case 'compared':
      return verdictText(state.diff, state.changes);
  }
}

/**
 * Under the sidebar's header: whether the live article changed since it was archived and
 * what changed, and the Compare view (archived / live / word diff, with the page extras not
 * counted) behind a disclosure button.
 */
export function LiveStatus({ article }: Props) {
  const state = useLiveComparison(article);
  const [open, setOpen] = useState(false);
  if (state.status === 'waiting') return null;
  return (
    <section class={`live-status live-${state.status}`} aria-label={t('liveHeading')}>
      <div class="live-line">
        <p class="live-message" role="status" aria-busy={state.status === 'loading'}>
          {message(state)}
          {state.status === 'failed' && <span class="live-reason"> {t(`liveReason_${state.reason.replace(/-/g, '_')}`)}</span>}
        </p>
        {state.status === 'compared' && (
          <button type="button" class="live-compare" aria-expanded={open} aria-controls="live-compare" onClick={() => setOpen(!open)}>
            {open ? t('liveHideCompare') : t('liveCompare')}
          </button>
        )}
      </div>
      {state.status === 'compared' && open && (
        <WithExtras render={({ CompareView }) => <CompareView id="live-compare" archived={state.archived} live={state.live} diff={state.diff} extras={state.extras} />} />
      )}
    </section>
  );
}
