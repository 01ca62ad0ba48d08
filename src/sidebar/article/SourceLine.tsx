/**
 * Under the headline: the site, and when the article was archived. A bundled article:
 * "Archived February 8, 2024 · 3 years ago". One the user captured: "Published March 14,
 * 2025 · Archived by you June 1, 2025", and, when it applies, why the page's own date was
 * not believed or why the capture is not the whole page.
 */
import type { Article } from '../../shared/archive-format';
import { t } from '../../shared/browser';
import { localDay } from '../../shared/calendar-date';
import type { CapturedArticle } from '../../shared/captured-article';
import { formatArchiveAge, formatArchiveDate } from './archive-date';

const isCaptured = (article: Article): article is CapturedArticle => typeof (article as Partial<CapturedArticle>).capturedAt === 'number';

export function SourceLine({ article }: { article: Article }) {
  if (!isCaptured(article)) {
    return (
      <p class="source">
        <span class="host">{article.host}</span>
        {' · '}
        <time dateTime={article.date}>{t('archivedOn', formatArchiveDate(article.date))}</time>
        {' · '}
        <span class="age">{formatArchiveAge(article.date, new Date())}</span>
      </p>
    );
  }
  const capturedDay = localDay(new Date(article.capturedAt));
  return (
    <>
      <p class="source captured">
        <span class="host">{article.site}</span>
        {' · '}
        {article.dateSource !== 'capture' && (
          <>
            <time class="published" dateTime={article.date}>{t('publishedOn', formatArchiveDate(article.date))}</time>
            {' · '}
          </>
        )}
        <time class="archived-by-you" dateTime={capturedDay}>{t('archivedByYouOn', formatArchiveDate(capturedDay))}</time>
      </p>
      {article.dateSource === 'capture' && <p class="capture-note no-date">{t('captureNoDate')}</p>}
      {article.refusedDate !== null && <p class="capture-note refused-date">{t('captureRefusedDate', article.refusedDate)}</p>}
      {article.truncated === 'elements' && <p class="capture-note truncated">{t('captureTruncatedElements')}</p>}
      {article.truncated === 'characters' && <p class="capture-note truncated">{t('captureTruncatedCharacters')}</p>}
    </>
  );
}
