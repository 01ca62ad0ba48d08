import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError, parseGold, readCorpus } from '../../../../scripts/archive/entity-corpus';

describe('entity corpus reading', () => {
  it('reads names and lists of alternative names per type', () => {
    expect(parseGold('g.json', '{"person":["Ngozi Okafor"],"org":[["International Monetary Fund","IMF"]],"place":[]}')).toEqual({
      person: ['Ngozi Okafor'],
      org: [['International Monetary Fund', 'IMF']],
      place: [],
      date: [],
    });
  });

  it('names the file and what is wrong with a malformed gold list', () => {
    expect(() => parseGold('a.gold.json', '{"person": [')).toThrow(/a\.gold\.json is not JSON/);
    expect(() => parseGold('b.gold.json', '{"people": []}')).toThrow(/b\.gold\.json: unknown type\(s\) people/);
    expect(() => parseGold('c.gold.json', '{"org": [[]]}')).toThrow(/c\.gold\.json: org\[0\] must be a name or a non-empty list/);
  });

  it('fails clearly on a missing folder and on an article without its gold list', () => {
    expect(() => readCorpus('/nonexistent/entities/test')).toThrow(CorpusError);
    const dir = mkdtempSync(join(tmpdir(), 'entity-corpus-'));
    writeFileSync(join(dir, 'a.txt'), ' date 2024-01-01 https://example.com/a\n\nTitle\n\nBody text.\n');
    expect(() => readCorpus(dir)).toThrow(/a\.txt has no gold list a\.gold\.json/);
  });
});
