/**
 * The file of each export format (`notes/export`), with what the archive says of each
 * record's article: its archive date (the Web Annotations' TimeState), its site and
 * entities (the Markdown files' front matter). Records on articles this archive does not
 * have are exported too, without anything the archive would vouch for.
 */
import type { ExportFormat, ExportedFile } from '../../shared/messages/notes-messages';
import type { NotesRecord } from '../../shared/notes-schema';
import { browser } from '../../shared/browser';
import { workerArchive as archive } from '../archive';
import { capturedForBackup } from '../capture/backup';
import { toJsonBackup, toMarkdown, toWebAnnotationCollection } from './export';
import { markdownFiles, markdownZip, type ArticleFacts } from './export-markdown';

/** The archive's facts about an archived article (its entities without dates: front matter lists who and where). */
async function factsOf(record: NotesRecord): Promise<ArticleFacts | null> {
  const entry = await archive.catalogEntry(record.articleId);
  if (!entry) return null;
  const article = await archive.article(record.articleId);
  const entities = article.entities
    .filter((entity) => entity.type !== 'date')
    .sort((a, b) => b.count - a.count)
    .map((entity) => entity.name);
  return { title: entry.title, url: entry.url, date: entry.date, site: entry.host, entities: [...new Set(entities)] };
}

/** base64 of bytes, in slices (a spread of a whole file would overflow the argument list). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export async function exportNotes(format: ExportFormat, inArchive: NotesRecord[], notInArchive: NotesRecord[], now: Date): Promise<ExportedFile> {
  const records = [...inArchive, ...notInArchive];
  const stamp = now.toISOString().slice(0, 10);
  switch (format) {
    case 'json':
      return { filename: `backstory-notes-${stamp}.json`, mimeType: 'application/json', content: JSON.stringify(toJsonBackup(records, now, await capturedForBackup()), null, 2) };
    case 'markdown':
      return { filename: `backstory-notes-${stamp}.md`, mimeType: 'text/markdown', content: toMarkdown(inArchive, now, notInArchive) };
    case 'markdown-zip': {
      const entries = await Promise.all(records.map(async (record) => ({ record, article: await factsOf(record) })));
      const folder = `backstory-notes-${stamp}`;
      return { filename: `${folder}.zip`, mimeType: 'application/zip', content: base64(markdownZip(markdownFiles(entries), folder, now)), encoding: 'base64' };
    }
    case 'jsonld': {
      const dates = new Map<string, string>();
      for (const record of inArchive) {
        const entry = await archive.catalogEntry(record.articleId);
        if (entry) dates.set(record.articleId, entry.date);
      }
      const context = { archivedOn: (id: string) => dates.get(id) ?? null, generator: { name: 'Backstory', version: browser.runtime.getManifest().version }, now };
      return { filename: `backstory-annotations-${stamp}.jsonld`, mimeType: 'application/ld+json', content: JSON.stringify(toWebAnnotationCollection(records, context), null, 2) };
    }
  }
}
