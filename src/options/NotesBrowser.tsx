import { useState } from 'preact/hooks';
import { t } from '../shared/browser';
import type { NotesRecord } from '../shared/notes-schema';
import { Markdown } from '../sidebar/Markdown';

interface Props {
  records: readonly NotesRecord[];
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

/** Every article with notes or highlights, searchable, each linking to its article. */
export function NotesBrowser({ records }: Props) {
  const [query, setQuery] = useState('');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = records.filter((record) => matches(record, words));
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
          </li>
        ))}
      </ul>
    </section>
  );
}
