import { useState } from 'preact/hooks';
import { t } from '../shared/browser';
import type { ExportFormat, ImportItem, ImportReport, ImportTally } from '../shared/messages/notes-messages';
import { sendToWorker } from '../shared/messages/to-worker';
import { download } from './download';

const FORMATS: Array<[ExportFormat, string]> = [
  ['json', 'exportJson'],
  ['markdown', 'exportMarkdown'],
  ['markdown-zip', 'exportMarkdownZip'],
  ['jsonld', 'exportJsonLd'],
];

type ImportState =
  | { step: 'idle' }
  | { step: 'preview'; content: string; report: ImportReport }
  | { step: 'done'; report: ImportReport }
  | { step: 'error'; message: string };

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/^notes\/(import|export): /, '');
}


/** One article of an import preview or report; every title is text. */
function ImportRow({ item, title }: { item: ImportItem; title: string }) {
  return (
    <li class={`import-${item.action}`}>
      <strong>{t(`importAction_${item.action}`)}</strong> {title}
      {item.details.length > 0 && <span class="muted"> — {item.details.join('; ')}</span>}
    </li>
  );
}

/**
 * What an annotation file held: "12 highlights on 3 archived articles, 2 on articles this
 * archive does not have, 1 could not be anchored", then each thing left out and why (text only).
 */
function FoundInFile({ found }: { found: ImportTally }) {
  const parts = [
    t('importFoundHighlights', [String(found.highlights), String(found.articles)]),
    ...(found.notes > 0 ? [t('importFoundNotes', String(found.notes))] : []),
    ...(found.replies > 0 ? [t('importFoundReplies', String(found.replies))] : []),
    ...(found.notInArchive > 0 ? [t('importFoundNotInArchive', String(found.notInArchive))] : []),
    ...(found.unanchored > 0 ? [t('importFoundUnanchored', String(found.unanchored))] : []),
  ];
  return (
    <div class="import-found">
      <p class="import-found-summary">
        {t(found.format === 'hypothesis' ? 'importFormatHypothesis' : 'importFormatW3c')} {parts.join(', ')}.
      </p>
      {found.skippedCount > 0 && (
        <details class="import-skipped" open={found.skippedCount <= 10}>
          <summary>{t('importSkippedHeading', String(found.skippedCount))}</summary>
          <ul>
            {found.skipped.map((skip, index) => (
              <li key={index}>
                <strong>{skip.annotation}</strong>: {skip.reason}
              </li>
            ))}
          </ul>
          {found.skippedCount > found.skipped.length && <p class="muted">{t('importSkippedMore', String(found.skippedCount - found.skipped.length))}</p>}
        </details>
      )}
    </div>
  );
}

/**
 * Export in four formats; import of a backup, W3C Web Annotations or a Hypothesis export,
 * previewed (what the file holds, add / update / skip) before it is applied.
 */
export function ExportImport({ onImported }: { onImported?: () => void } = {}) {
  const [exportError, setExportError] = useState<string | null>(null);
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const exportAs = async (format: ExportFormat): Promise<void> => {
    setExportError(null);
    try {
      const file = await sendToWorker('notes/export', { format });
      download(file);
    } catch (error) {
      setExportError(message(error));
    }
  };
  const preview = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const content = await file.text();
      setState({ step: 'preview', content, report: await sendToWorker('notes/import', { content, apply: false }) });
    } catch (error) {
      setState({ step: 'error', message: message(error) });
    }
  };
  const apply = async (content: string): Promise<void> => {
    try {
      setState({ step: 'done', report: await sendToWorker('notes/import', { content, apply: true }) });
      // Captured articles an import added change no notes record: the lists are read again.
      onImported?.();
    } catch (error) {
      setState({ step: 'error', message: message(error) });
    }
  };

  return (
    <section aria-labelledby="backup-heading" class="panel">
      <h2 id="backup-heading">{t('optionsBackupHeading')}</h2>
      <div class="buttons">
        {FORMATS.map(([format, label]) => (
          <button type="button" key={format} class={`export-${format}`} onClick={() => void exportAs(format)}>
            {t(label)}
          </button>
        ))}
      </div>
      {exportError && <p role="alert" class="error">{exportError}</p>}
      <label class="import-file">
        <span>{t('importLabel')}</span>
        <input type="file" accept=".json,.jsonld,application/json,application/ld+json" onChange={(event) => void preview(event.currentTarget.files?.[0])} />
      </label>
      {state.step === 'error' && (
        <p role="alert" class="error import-error">
          {t('importFailed', state.message)}
        </p>
      )}
      {(state.step === 'preview' || state.step === 'done') && (
        <div class="import-report" role="status">
          {state.report.found && <FoundInFile found={state.report.found} />}
          <p class="import-summary">
            {t(state.step === 'preview' ? 'importWill' : 'importDid', [String(state.report.add), String(state.report.update), String(state.report.skip)])}
          </p>
          {state.report.captured.add + state.report.captured.skip > 0 && (
            <p class="import-captured">
              {t(state.step === 'preview' ? 'importCapturedWill' : 'importCapturedDid', [String(state.report.captured.add), String(state.report.captured.skip)])}
            </p>
          )}
          <ul>
            {state.report.items.filter((item) => item.inArchive).map((item) => (
              <ImportRow key={item.articleId} item={item} title={item.articleTitle || item.articleId} />
            ))}
          </ul>
          {state.report.notInArchive > 0 && (
            <div class="import-not-in-archive">
              <p>{t('importNotInArchive', String(state.report.notInArchive))}</p>
              <ul>
                {state.report.items.filter((item) => !item.inArchive).map((item) => (
                  <ImportRow key={item.articleId} item={item} title={t('optionsNotInArchiveTitle', [item.articleTitle || '—', item.articleId])} />
                ))}
              </ul>
            </div>
          )}
          {state.step === 'preview' && (
            <>
              <button type="button" class="import-apply" disabled={state.report.add + state.report.update + state.report.captured.add === 0} onClick={() => void apply(state.content)}>
                {t('importApply')}
              </button>{' '}
              <button type="button" onClick={() => setState({ step: 'idle' })}>
                {t('highlightCancel')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
