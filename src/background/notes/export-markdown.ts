/**
 * The notes as a folder of Markdown files for Obsidian, Logseq and any editor: one `.md`
 * per article in a zip (fflate), each with YAML front matter (title, url, archived date,
 * site, tags, entities), a link back to the article, the note as written, other versions,
 * and each highlight as a quote with its own note. File names are safe on every OS.
 */
import { strToU8, zipSync } from 'fflate';
import type { NotesRecord } from '../../shared/notes-schema';
import { escapeMarkdown, noteSections } from './export';

/** What the archive says of a record's article (null for an article this archive does not have). */
export interface ArticleFacts {
  title: string;
  url: string;
  /** YYYY-MM-DD, the day it was archived. */
  date: string;
  site: string;
  /** Names of the people, organizations and places in it, most mentioned first. */
  entities: string[];
}

/**
 * A YAML double-quoted scalar (YAML 1.2, as Obsidian's and Logseq's parsers read it):
 * backslash, quote and every character that is not printable or could break a line are
 * escaped, so no title or tag can end the value or the front matter.
 */
export function yamlString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff || (code >= 0xd800 && code <= 0xdfff)) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}

function yamlList(key: string, values: readonly string[]): string[] {
  return values.length === 0 ? [`${key}: []`] : [`${key}:`, ...values.map((value) => `  - ${yamlString(value)}`)];
}

/** One article's Markdown file. */
export function articleMarkdown(record: NotesRecord, article: ArticleFacts | null): string {
  const title = article?.title ?? (record.articleTitle || record.articleId);
  const front = [
    '---',
    `title: ${yamlString(title)}`,
    ...(article
      ? [`url: ${yamlString(article.url)}`, `archived: ${yamlString(article.date)}`, `site: ${yamlString(article.site)}`]
      : ['in_archive: false', `article_id: ${yamlString(record.articleId)}`]),
    ...yamlList('tags', record.note.tags),
    ...yamlList('entities', article?.entities ?? []),
    '---',
    '',
  ];
  const lines = [...front, `# ${escapeMarkdown(title)}`, ''];
  // An address from the catalog only: a note on an article this archive does not have names none.
  if (article) lines.push(`[Original article](<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>)`, '');
  lines.push(...noteSections(record, '##'));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Characters some OS (or Obsidian's links) refuses in a file name. */
const UNSAFE = /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/gu;
/** Bytes of a name's UTF-8 before its suffix: well below the 255 of every common file system, with room for " (id).md". */
const MAX_STEM_BYTES = 120;

function cutToBytes(text: string, max: number): string {
  const encoder = new TextEncoder();
  let out = '';
  for (const char of text) {
    if (encoder.encode(out + char).length > max) break;
    out += char;
  }
  return out;
}

/**
 * A file-name stem made from `title`: NFC (as macOS stores names), no character any OS
 * refuses, no leading dot (hidden) or trailing dot or space (Windows drops them), not a
 * reserved device name, at most MAX_STEM_BYTES of UTF-8; `fallback` when nothing is left.
 */
export function safeFileStem(title: string, fallback: string): string {
  let stem = title
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(/[\p{Cf}\p{Cs}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  stem = cutToBytes(stem, MAX_STEM_BYTES).replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  if (stem === '') stem = fallback;
  if (RESERVED.test(stem)) stem = `${stem} (note)`;
  return stem;
}

export interface MarkdownFile {
  name: string;
  text: string;
}

/** One file per article; names unique even where the file system ignores case. */
export function markdownFiles(entries: ReadonlyArray<{ record: NotesRecord; article: ArticleFacts | null }>): MarkdownFile[] {
  const taken = new Set<string>();
  return entries.map(({ record, article }) => {
    const stem = safeFileStem(article?.title ?? record.articleTitle, record.articleId);
    let name = `${stem}.md`;
    if (taken.has(name.toLowerCase())) name = `${stem} (${record.articleId}).md`;
    taken.add(name.toLowerCase());
    return { name, text: articleMarkdown(record, article) };
  });
}

/** The zip: a folder named `folder` holding the files (dated `now`). */
export function markdownZip(files: readonly MarkdownFile[], folder: string, now: Date): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const file of files) entries[`${folder}/${file.name}`] = [strToU8(file.text), { mtime: now }];
  return zipSync(entries, { level: 6 });
}
