/**
 * The live-diff corpus table for docs/live-diff.md: every template of each half × every
 * edit, over every archived article of the corpus (tests/fixtures/live-pages/). Prints the
 * Markdown table; `--cases` prints each case that went wrong, `--write` replaces the table
 * between the markers in docs/live-diff.md.
 *
 *   npx tsx scripts/live-corpus-table.ts [--half tune|heldout|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|heldout10|heldout11|heldout12|all] [--cases] [--write]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Window } from 'happy-dom';

const BEGIN = '<!-- corpus-table:begin -->';
const END = '<!-- corpus-table:end -->';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const halfArg = args[args.indexOf('--half') + 1];
  const { HALVES } = await import('../tests/fixtures/live-pages/corpus');
  const halves = args.includes('--half') && halfArg !== 'all' ? HALVES.filter((half) => half === halfArg) : HALVES;
  // Readability needs a DOMParser: happy-dom's, as in the unit tests.
  (globalThis as { DOMParser?: unknown }).DOMParser = new Window().DOMParser;
  const { corpusArticles, EDITS, loadTemplates } = await import('../tests/fixtures/live-pages/corpus');
  const TITLES = { tune: 'Tuned half', heldout: 'Held-out half (seen: its failures were read while tuning round 2)', heldout2: 'Held-out half 2 (seen after round 2; tune material in round 3)', heldout3: 'Held-out half 3 (by a fourth author; table only in round 3; tune material in round 4: its templates and failures were read)', heldout4: 'Held-out half 4 (by a fifth author; never opened until round 5; tune material in round 5: its templates and failures were read)', heldout5: 'Held-out half 5 (by a sixth author, merged in round 4; never opened; table only, measured after round 4\'s, round 5\'s, round 6\'s, round 7\'s, round 8\'s, round 9\'s and round 10\'s rules)', heldout6: 'Held-out half 6 (by a seventh author; measured once in round 5; tune material in round 6: its templates and failures were read)', heldout7: 'Held-out half 7 (by an eighth author; measured once in round 6; tune material in round 7: its templates and failures were read)', heldout8: 'Held-out half 8 (by another author; measured once in round 7; tune material in round 8: its templates and failures were read)', heldout9: 'Held-out half 9 (by another author; measured once in round 8; tune material in round 9: its templates and failures were read)', heldout10: 'Held-out half 10 (by another author, merged in round 9; measured once after round 9\'s rules; tune material in round 10: its templates were read)', heldout11: 'Held-out half 11 (by another author, fresh in round 10; measured once after round 10\'s rules: 186/216; tune material in round 11)', heldout12: 'Held-out half 12 (by another author, fresh in round 11; measured once after round 11\'s rules: 196/216; tune material in round 12)' } as const;
  const { runMatrix } = await import('../tests/fixtures/live-pages/matrix');
  const articles = corpusArticles();
  const lines: string[] = [];
  for (const half of halves) {
    const templates = await loadTemplates(half);
    if (templates.length === 0) continue;
    const outcomes = runMatrix(templates, articles);
    lines.push(
      '',
      `**${TITLES[half]}**: ${templates.length} templates × ${articles.length} articles; each cell: cases with the right verdict and the right change named, of ${articles.length}.`,
      '',
      `| template | ${EDITS.join(' | ')} |`,
      `| --- | ${EDITS.map(() => '---').join(' | ')} |`,
    );
    for (const template of templates) {
      const cells = EDITS.map((edit) => {
        const cases = outcomes.filter((o) => o.template === template.name && o.edit === edit);
        const right = cases.filter((o) => o.ok).length;
        return `${right === cases.length ? '✓' : '✗'} ${right}/${cases.length}`;
      });
      lines.push(`| ${template.name} | ${cells.join(' | ')} |`);
    }
    const totals = EDITS.map((edit) => {
      const cases = outcomes.filter((o) => o.edit === edit);
      return `${cases.filter((o) => o.ok).length}/${cases.length}`;
    });
    lines.push(`| **all** | ${totals.join(' | ')} |`);
    if (args.includes('--cases')) {
      for (const o of outcomes.filter((c) => !c.ok)) {
        console.error(`${half} ${o.template} ${o.edit} ${o.article}: expected ${JSON.stringify(o.expected)}, got ${JSON.stringify(o.got)} (+${o.added} −${o.removed})`);
      }
    }
  }
  const table = lines.join('\n');
  console.log(table);
  if (args.includes('--write')) {
    const path = 'docs/live-diff.md';
    const doc = readFileSync(path, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    if (start < 0 || end < 0) throw new Error(`${path}: no ${BEGIN} … ${END} markers`);
    writeFileSync(path, `${doc.slice(0, start + BEGIN.length)}\n${table}\n\n${doc.slice(end)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
