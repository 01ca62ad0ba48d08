/**
 * Reads an entity evaluation corpus: seed-format articles (`name.txt`) each with a gold
 * list beside it (`name.gold.json`, see tests/fixtures/entities/CONVENTIONS.md). Shared by
 * `npm run eval:entities` and the unit test that gates on the held-out half, so both read
 * the same files the same way and reject a malformed one with its name and what is wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ENTITY_TYPES, articleFullText } from '../../src/shared/archive-format';
import type { GoldEntities, GoldEntry } from './entity-score';
import { parseSeed } from './parse-seed';

export interface CorpusArticle {
  name: string;
  text: string;
  gold: GoldEntities;
}

export class CorpusError extends Error {}

/** Every `*.txt` in `dir` with its gold list; throws a `CorpusError` naming the file at fault. */
export function readCorpus(dir: string): CorpusArticle[] {
  if (!existsSync(dir)) throw new CorpusError(`${dir} does not exist`);
  const texts = readdirSync(dir).filter((file) => file.endsWith('.txt')).sort();
  if (texts.length === 0) throw new CorpusError(`${dir} holds no .txt article`);
  return texts.map((file) => {
    const name = basename(file, '.txt');
    const goldPath = join(dir, `${name}.gold.json`);
    if (!existsSync(goldPath)) throw new CorpusError(`${join(dir, file)} has no gold list ${name}.gold.json beside it`);
    return { name, text: readArticleText(join(dir, file)), gold: parseGold(goldPath, readFileSync(goldPath, 'utf8')) };
  });
}

/** The full text the extractor reads (title, summary, paragraphs), as the archive compiles it. */
export function readArticleText(path: string): string {
  const parsed = parseSeed(basename(path), readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new CorpusError(`${path} does not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return articleFullText(parsed.seed);
}

export function parseGold(path: string, json: string): GoldEntities {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new CorpusError(`${path} is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CorpusError(`${path}: expected an object of types`);
  const record = value as Record<string, unknown>;
  const unknownKeys = Object.keys(record).filter((key) => !(ENTITY_TYPES as readonly string[]).includes(key));
  if (unknownKeys.length) throw new CorpusError(`${path}: unknown type(s) ${unknownKeys.join(', ')}`);
  const gold = {} as Record<(typeof ENTITY_TYPES)[number], GoldEntry[]>;
  for (const type of ENTITY_TYPES) {
    const list = record[type] ?? [];
    if (!Array.isArray(list)) throw new CorpusError(`${path}: "${type}" must be a list`);
    gold[type] = list.map((entry: unknown, i) => {
      if (typeof entry === 'string' && entry.trim()) return entry;
      if (Array.isArray(entry) && entry.length > 0 && entry.every((name) => typeof name === 'string' && name.trim())) return entry as string[];
      throw new CorpusError(`${path}: ${type}[${i}] must be a name or a non-empty list of names`);
    });
  }
  return gold;
}
