import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/browser';
import { diffParagraphs, type LiveDiff } from '../../shared/live-diff';

interface Props {
  id: string;
  /** The archived blocks: title, summary, paragraphs. */
  archived: string[];
  /** The live page's blocks: headline, paragraphs. */
  live: string[];
  diff: LiveDiff;
  /** Page extras, not counted (bylines, captions, labels…), so a reader can check the call. */
  extras: ReadonlyArray<{ text: string }>;
}

type Mode = 'archived' | 'live' | 'diff';
const MODES: readonly Mode[] = ['archived', 'live', 'diff'];

function Blocks({ blocks }: { blocks: string[] }) {
  return (
    <>
      {blocks.map((block, index) => (
        <p key={index}>{block}</p>
      ))}
    </>
  );
}

/**
 * The archived text, the live text, or the word diff between them, chosen with a radio
 * group. Added and removed words are <ins>/<del>, underlined and struck through (not told
 * apart by colour alone), with a label for screen readers; all text is rendered as text.
 * Below, the page extras that were not counted, closed by default.
 */
export function CompareView({ id, archived, live, diff, extras }: Props) {
  const [mode, setMode] = useState<Mode>('diff');
  const paragraphs = useMemo(() => diffParagraphs(diff.parts), [diff]);
  const textRef = useRef<HTMLDivElement>(null);
  // The diff opens at its first change (the box scrolls, not the sidebar).
  useEffect(() => {
    const box = textRef.current;
    const change = box?.querySelector<HTMLElement>('ins, del');
    if (box && change) box.scrollTop = Math.max(0, change.offsetTop - 48); // offsetParent: the box
  }, [mode]);
  return (
    <div class="compare" id={id}>
      <fieldset class="compare-modes">
        <legend class="visually-hidden">{t('liveShow')}</legend>
        {MODES.map((value) => (
          <label key={value} class={value === mode ? 'selected' : ''}>
            <input type="radio" name={`${id}-mode`} value={value} checked={value === mode} onChange={() => setMode(value)} />
            {t(`liveMode_${value}`)}
          </label>
        ))}
      </fieldset>
      {/* Scrollable, so focusable: keyboard users scroll it too. */}
      <div class={`compare-text compare-${mode}`} ref={textRef} tabIndex={0} role="region" aria-label={t(`liveMode_${mode}`)}>
        {mode === 'archived' && <Blocks blocks={archived} />}
        {mode === 'live' && <Blocks blocks={live} />}
        {mode === 'diff' &&
          paragraphs.map((runs, index) => (
            <p key={index}>
              {runs.map((run, i) => {
                const space = i > 0 ? ' ' : '';
                if (run.kind === 'same') return `${space}${run.text}`;
                const Tag = run.kind === 'added' ? 'ins' : 'del';
                return (
                  <Fragment key={i}>
                    {space}
                    <Tag>
                      <span class="visually-hidden">{t(run.kind === 'added' ? 'liveAddedLabel' : 'liveRemovedLabel')} </span>
                      <span class="diff-words">{run.text}</span>
                    </Tag>
                  </Fragment>
                );
              })}
            </p>
          ))}
      </div>
      {extras.length > 0 && (
        <details class="compare-extras">
          <summary>{t('liveExtrasHeading', String(extras.length))}</summary>
          <p class="compare-extras-help">{t('liveExtrasHelp')}</p>
          <ul>
            {extras.map((extra, index) => (
              <li key={index}>{extra.text}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
