import { t } from '../shared/browser';
import type { WorkerResponse } from '../shared/messages';

const sizeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** Bytes as the user reads them: 812 bytes, 14.2 KB, 3.1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

/** How much of the browser's storage the notes use, so it never runs out unseen. */
export function StorageUsage({ usage }: { usage: WorkerResponse<'notes/list'>['usage'] }) {
  return (
    <section aria-labelledby="usage-heading" class="panel storage-usage">
      <h2 id="usage-heading">{t('optionsUsageHeading')}</h2>
      <p class="usage">
        {t('optionsUsage', [formatBytes(usage.bytes), String(usage.notes), String(usage.highlights)])}
        {usage.quota !== null && ` ${t('optionsUsageQuota', formatBytes(usage.quota))}`}
      </p>
    </section>
  );
}
