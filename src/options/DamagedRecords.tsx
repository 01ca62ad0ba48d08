import { useState } from 'preact/hooks';
import { t } from '../shared/browser';
import type { DamagedRecord } from '../shared/messages/damaged-messages';
import type { NotesList } from './use-notes-list';
import { sendToWorker } from '../shared/messages/to-worker';
import { download } from './download';
import { UndoLine } from './UndoLine';

interface Props {
  records: NotesList['quarantined'];
  /** Lists them again after a change here. */
  onChange: () => void;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Records the worker could not read, kept aside with what was wrong: listed, downloadable
 * as JSON, and deleted only when the user asks, with Undo.
 */
export function DamagedRecords({ records, onChange }: Props) {
  const [deleted, setDeleted] = useState<DamagedRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (records.length === 0 && !deleted) return null;

  const act = async (work: () => Promise<void>): Promise<void> => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(reasonOf(failure));
    }
    onChange();
  };
  const exportAll = () =>
    act(async () => {
      const file = await sendToWorker('notes/export-damaged', {});
      download(file);
    });
  const remove = (id: string) => act(async () => setDeleted(await sendToWorker('notes/delete-damaged', { id })));
  const undo = (record: DamagedRecord) =>
    act(async () => {
      await sendToWorker('notes/restore-damaged', { record });
      setDeleted(null);
    });

  return (
    <section aria-labelledby="quarantine-heading" class="panel quarantine">
      <h2 id="quarantine-heading">{t('optionsQuarantineHeading')}</h2>
      <p>{t('optionsQuarantineExplain')}</p>
      {records.length > 0 && (
        <button type="button" class="export-damaged" onClick={() => void exportAll()}>
          {t('optionsQuarantineExport')}
        </button>
      )}
      <ul>
        {records.map((item) => (
          <li key={item.id} class="damaged-record">
            <code>{item.key}</code> <span class="muted damaged-reason">— {item.reason}</span>{' '}
            <button type="button" class="delete-damaged" onClick={() => void remove(item.id)}>
              {t('optionsQuarantineDelete')}
            </button>
          </li>
        ))}
      </ul>
      <UndoLine
        message={deleted ? t('optionsQuarantineDeleted', deleted.key) : null}
        buttonClass="undo-delete-damaged"
        onUndo={() => deleted && void undo(deleted)}
        error={error}
      />
    </section>
  );
}
