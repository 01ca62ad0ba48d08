/**
 * Writes and reads the packaged archive's files (archive/<path>.deflate: see
 * PACKED_FILE_SUFFIX in src/shared/archive-format.ts). The compiler writes every file
 * into each browser's staging folder as soon as it is made, so nothing accumulates.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { PACKED_FILE_SUFFIX, type Article } from '../../src/shared/archive-format';
import { DOCS_PER_CHUNK, type DocChunk, type SearchMeta } from '../../src/shared/search-format';

/** A file's packed bytes: its JSON, raw DEFLATE at the highest level (written once, read often). */
export function packJson(value: unknown): Buffer {
  return packJsonText(JSON.stringify(value));
}

export function packJsonText(json: string): Buffer {
  return deflateRawSync(json, { level: 9 });
}

export function unpackJson(bytes: Uint8Array): unknown {
  return JSON.parse(inflateRawSync(bytes).toString('utf8'));
}

export function packedPath(archiveDir: string, path: string): string {
  return join(archiveDir, path + PACKED_FILE_SUFFIX);
}

/** Writes each file into every one of `archiveDirs` (dist/<browser>/archive/ in staging). */
export class ArchiveWriter {
  private readonly made = new Set<string>();
  constructor(private readonly archiveDirs: readonly string[]) {}

  write(path: string, value: unknown): void {
    this.writeJsonText(path, JSON.stringify(value));
  }

  /** A file whose JSON text the caller made (shards joined from entries kept as text). */
  writeJsonText(path: string, json: string): void {
    const packed = packJsonText(json);
    for (const dir of this.archiveDirs) {
      const file = packedPath(dir, path);
      const folder = dirname(file);
      if (!this.made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        this.made.add(folder);
      }
      writeFileSync(file, packed);
    }
  }
}

/** Reads one file of a built archive folder (benchmarks, tests). */
export function readArchiveFile<T = unknown>(archiveDir: string, path: string): T {
  return unpackJson(readFileSync(packedPath(archiveDir, path))) as T;
}

/** Every article of a built archive folder, in archive order (newest first): for small archives (npm start, benchmarks). */
export function readArchiveArticles(archiveDir: string): Article[] {
  const { docCount } = readArchiveFile<SearchMeta>(archiveDir, 'search/meta.json');
  const articles: Article[] = [];
  for (let chunk = 0; chunk * DOCS_PER_CHUNK < docCount; chunk++) {
    for (const [id] of readArchiveFile<DocChunk>(archiveDir, `search/docs/${chunk}.json`)) articles.push(readArchiveFile<Article>(archiveDir, `articles/${id}.json`));
  }
  return articles;
}
