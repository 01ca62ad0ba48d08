import { useState } from 'preact/hooks';
import { t } from '../shared/browser';
import type { NotesRecord } from '../shared/notes-schema';
import { Markdown } from '../shared/ui/Markdown';

interface Props {
  /** Notes on archived articles: title and address from the catalog. */
  records: readonly NotesRecord[];
  /** Notes on articles this archive does not have: title and address are unchecked claims, shown as text. */
  notInArchive: readonly NotesRecord[];
}

function matches(record: NotesRecord, words: readonly string[]): boolean {
  const haystack = [
    record.articleTitle,
    record.note.text,
    record.note.tags.join(' '),
    ...record.highlights.flatMap((h) => [h.quote.exact, h.note]),
    ...record.conflicts.map((c) => c.text),
  ]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** What the user wrote on one article: tags, note, conflicts, highlights. */
function RecordBody({ record }: { record: NotesRecord }) {
  return (
    <>
      <p class="muted">{t('optionsUpdated', new Date(record.updatedAt).toLocaleString())}</p>
      {record.note.tags.length > 0 && (
        <ul class="tags" aria-label={t('notesTags')}>
          {record.note.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {record.note.text !== '' && <Markdown source={record.note.text} />}
      {record.conflicts.length > 0 && <p class="warning">{t('optionsHasConflicts', String(record.conflicts.length))}</p>}
      {record.highlights.length > 0 && (
        <ul class="highlights">
          {record.highlights.map((highlight) => (
            <li key={highlight.id}>
              <blockquote>{highlight.quote.exact}</blockquote>
              {highlight.note !== '' && <Markdown source={highlight.note} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Every article with notes or highlights, searchable, each linking to its article; then
 * the notes on articles this archive does not have, whose title and address came from a
 * file or another browser: shown as text, never as a link.
 */
export function NotesBrowser({ records, notInArchive }: Props) {
  const [query, setQuery] = useState('');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = records.filter((record) => matches(record, words));
  const shownElsewhere = notInArchive.filter((record) => matches(record, words));
  return (
    <section aria-labelledby="all-notes-heading">
      <h2 id="all-notes-heading">{t('optionsAllNotes')}</h2>
      <label class="search">
        <span>{t('optionsSearch')}</span>
        <input type="search" class="notes-search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
      </label>
      {records.length === 0 && <p class="muted">{t('optionsNoNotes')}</p>}
      {records.length > 0 && shown.length === 0 && <p class="muted">{t('optionsNoMatches')}</p>}
      <ul class="articles">
        {shown.map((record) => (
          <li key={record.articleId} class="article-notes">
            <h3>
              <a href={record.url} target="_blank" rel="noopener noreferrer">
                {record.articleTitle || record.articleId}
              </a>
            </h3>
            <RecordBody record={record} />
          </li>
        ))}
      </ul>
      {notInArchive.length > 0 && (
        <section aria-labelledby="not-in-archive-heading" class="not-in-archive">
          <h2 id="not-in-archive-heading">{t('optionsNotInArchiveHeading')}</h2>
          <p class="muted">{t('optionsNotInArchiveExplain')}</p>
          <ul class="articles">
            {shownElsewhere.map((record) => (
              <li key={record.articleId} class="article-notes elsewhere">
                <h3>{t('optionsNotInArchiveTitle', [record.articleTitle || '—', record.articleId])}</h3>
                {record.url !== '' && <p class="claimed-url muted">{t('optionsNotInArchiveUrl', record.url)}</p>}
                <RecordBody record={record} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
