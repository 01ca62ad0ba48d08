import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/browser';
import { MAX_QUOTE_LENGTH } from '../../shared/notes-schema';
import { rangeOffsets } from './selection-offsets';

interface Props {
  /** Called with the selected full-text range; `withNote` opens its note for writing. */
  onHighlight(start: number, end: number, withNote: boolean): void;
}

interface Offer {
  start: number;
  end: number;
  top: number;
  left: number;
}

/** Offers "Highlight" and "Highlight + note" beside a selection in the archived text. */
export function SelectionMenu({ onHighlight }: Props) {
  const [offer, setOffer] = useState<Offer | null>(null);
  useEffect(() => {
    const update = (): void => {
      const selection = document.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      const offsets = range ? rangeOffsets(range) : null;
      // Longer selections than a highlight may quote are not offered (nothing is cut silently).
      if (!range || !offsets || offsets.end - offsets.start > MAX_QUOTE_LENGTH) {
        setOffer(null);
        return;
      }
      const box = range.getBoundingClientRect();
      setOffer({ ...offsets, top: box.bottom + scrollY + 6, left: Math.max(8, Math.min(box.left + scrollX, innerWidth - 220)) });
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, []);
  if (!offer) return null;
  const choose = (withNote: boolean): void => {
    onHighlight(offer.start, offer.end, withNote);
    document.getSelection()?.removeAllRanges();
    setOffer(null);
  };
  return (
    <div class="selection-menu" role="toolbar" aria-label={t('selectionMenuLabel')} style={{ top: `${offer.top}px`, left: `${offer.left}px` }}>
      {/* mousedown would clear the selection before the click lands */}
      <button type="button" class="make-highlight" onMouseDown={(event) => event.preventDefault()} onClick={() => choose(false)}>
        {t('selectionHighlight')}
      </button>
      <button type="button" class="make-highlight-note" onMouseDown={(event) => event.preventDefault()} onClick={() => choose(true)}>
        {t('selectionHighlightNote')}
      </button>
    </div>
  );
}
