import { t } from '../shared/browser';
import { CapturedArticles } from './CapturedArticles';
import { DamagedRecords } from './DamagedRecords';
import { ExportImport } from './ExportImport';
import { NotesBrowser } from './NotesBrowser';
import { PrivateWindows } from './PrivateWindows';
import { StorageUsage } from './StorageUsage';
import { SyncSettings } from './SyncSettings';
import { useNotesList } from './use-notes-list';

/** The options page: every note and highlight, backup and import, the user's captured articles, sync, and records set aside. */
export function OptionsApp() {
  const [state, reload] = useNotesList();
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      {state.status === 'loading' && <p aria-busy="true">{t('loading')}</p>}
      {state.status === 'error' && <p role="alert">{t('notesLoadFailed', state.message)}</p>}
      {state.status === 'ready' && (
        <div class="layout">
          <NotesBrowser records={state.list.records} notInArchive={state.list.notInArchive} />
          <aside>
            <ExportImport onImported={reload} />
            <CapturedArticles refresh={state.list} onChange={reload} />
            <PrivateWindows />
            <StorageUsage usage={state.list.usage} />
            <SyncSettings status={state.list.sync} onChange={reload} />
            <DamagedRecords records={state.list.quarantined} onChange={reload} />
          </aside>
        </div>
      )}
    </main>
  );
}
