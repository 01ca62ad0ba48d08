// @vitest-environment happy-dom
/**
 * Reading the live article out of the fixture pages (src/sidebar/live/live-extract.ts) and
 * comparing it with the seed article: the same pages the browser tests serve.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../../../src/shared/archive-format';
import { diffParagraphs } from '../../../../src/shared/live-diff';
import { blockTexts, componentClasses, extractLiveArticle, liveBlocks, signedWords } from '../../../../src/sidebar/live/live-extract';
import { compareWithLive } from '../../../../src/sidebar/live/live-compare';
import { compileArchive, readSeedDirectory } from '../../../../scripts/archive/compile';

const page = (name: string) => readFileSync(`tests/fixtures/pages/live/${name}.html`, 'utf8');

// Compiled once, in a hook with its own timeout: the compile runs the real entity
// extractor, which on a loaded machine takes longer than a test's 5 s default.
let compiledSeed: Article | undefined;
beforeAll(async () => {
  const archive = compileArchive(await readSeedDirectory('seeds'));
  compiledSeed = [...archive.files].find(([path]) => path.startsWith('articles/'))?.[1] as Article;
}, 60_000);

async function seedArticle(): Promise<Article> {
  if (!compiledSeed) throw new Error('the seed article was not compiled');
  return compiledSeed;
}

function summary(article: Article, name: string) {
  const result = compareWithLive(article, page(name));
  if (result.status !== 'compared') return result;
  const runs = diffParagraphs(result.diff.parts).flat();
  return {
    added: result.diff.added,
    removed: result.diff.removed,
    ins: runs.filter((run) => run.kind === 'added').map((run) => run.text),
    del: runs.filter((run) => run.kind === 'removed').map((run) => run.text),
  };
}

describe('the live article of each fixture page, compared with the seed article', () => {
  it('finds no change on the unchanged page (run-together archive text included)', async () => {
    expect(summary(await seedArticle(), 'unchanged')).toEqual({ added: 0, removed: 0, ins: [], del: [] });
  });

  it('shows an edited sentence', async () => {
    expect(summary(await seedArticle(), 'sentence-edited')).toEqual({
      added: 5,
      removed: 2,
      ins: ['attack, according to local media.'],
      del: ['unnamed', 'attack.'],
    });
  });

  it('shows an added paragraph', async () => {
    expect(summary(await seedArticle(), 'paragraph-added')).toEqual({
      added: 16,
      removed: 0,
      ins: ['Update, February 9: The Pentagon said on Thursday that the strike was carried out in self-defense.'],
      del: [],
    });
  });

  it('shows a changed headline', async () => {
    expect(summary(await seedArticle(), 'headline-changed')).toMatchObject({
      del: ['Militias Vow ‘Steadfast’', 'Occupation'],
      ins: ['Militia Vows', 'Forces', 'in Baghdad'],
    });
  });

  it('reports a page without an article as unreadable', async () => {
    expect(summary(await seedArticle(), 'no-article')).toEqual({ status: 'failed', reason: 'no-article' });
    expect(extractLiveArticle('<html><body></body></html>', { title: 'Anything', summary: '' })).toEqual({ ok: false, reason: 'no-article' });
  });

  it('reports a long page that is another article as not this one', async () => {
    const other = `<html><body><article><h1>Weather</h1>${'<p>Sunny skies over the coast today, with light winds from the west and mild temperatures expected.</p>'.repeat(8)}</article></body></html>`;
    expect(compareWithLive(await seedArticle(), other)).toEqual({ status: 'failed', reason: 'not-this-article' });
  });
});

describe('blockTexts', () => {
  it('gives each block element its own paragraph and keeps inline text together', () => {
    const root = document.createElement('div');
    root.innerHTML = '<h2>Head</h2><p>One <b>bold</b> line<br>two</p><ul><li>a</li><li>b</li></ul>tail';
    expect(blockTexts(root)).toEqual(['Head', 'One bold line two', 'a', 'b', 'tail']);
  });
});

describe('round 7: reference signs, run-in headings, build hashes', () => {
  it('a superscript sign with no link is a reference mark, taken out; a superscript digit or letter is text', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Fighters of IS<sup>*</sup> said so.<sup class="fn">†</sup> Later.</p><p>An area of 40 km<sup>2</sup> on the 1<sup>st</sup> day.</p>';
    expect(liveBlocks(root).map((block) => [block.text, block.marks])).toEqual([
      ['Fighters of IS said so. Later.', ['*', '†']],
      ['An area of 40 km2 on the 1st day.', []],
    ]);
  });

  it('keeps a superscript sign where the archive has the same word with it (the archived page printed it as text)', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Fighters of IS<sup>*</sup> said so.<sup>*</sup> Later.</p>';
    expect(signedWords(['Fighters of IS* said so.'])).toEqual(new Set(['IS*']));
    expect(liveBlocks(root, undefined, signedWords(['Fighters of IS* said so.'])).map((block) => [block.text, block.marks])).toEqual([['Fighters of IS* said so. Later.', ['*']]]);
  });

  it('notes a bold label with a line break after it as the block’s run-in heading', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p><b>Media Contact:</b> <br>Jane Roe</p><p><strong>The council</strong> said so.</p><p>Text <b>bold</b><br>more</p>';
    expect(liveBlocks(root).map((block) => block.runIn)).toEqual(['Media Contact:', undefined, undefined]);
  });

  it('notes the bold words a block starts with, a line break after them or not, as its lead (round 8: a speaker’s label)', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p><b>NAME, HOST:</b> Good morning.</p><p><strong>Q:</strong><br>Why?</p><p>Text <b>bold</b> more</p><p><b></b>Plain.</p>';
    expect(liveBlocks(root).map((block) => block.lead)).toEqual(['NAME, HOST:', 'Q:', undefined, undefined]);
  });

  it('takes a CSS-modules class’s build hash out of its name, and leaves BEM names whole', () => {
    expect(componentClasses('SimpleBlock-module_p__Q3azU SimpleBlock-module_p__2f1-9 article__body c-card')).toBe('SimpleBlock-module_p SimpleBlock-module_p article__body c-card');
  });

  it('a one-sentence paragraph added in the paragraph component counts though each paragraph carries another build hash', () => {
    const article = {
      title: 'Harbour Bridge Reopens After Two Years of Repairs',
      summary: 'The city’s oldest bridge carried traffic again on Monday, a year later than planned.',
      paragraphs: [
        'Crowds lined both banks as the first buses crossed the harbour bridge on Monday morning. The mayor cut a ribbon at the northern end.',
        'The repairs replaced the deck and most of the steel cables, engineers said. The original cables had corroded far faster than expected.',
        'The work cost 84 million, twice the first estimate. The council blamed the rising price of steel and a wet winter.',
      ],
    } as Article;
    const added = 'A spokesperson for the port authority declined to comment when contacted on Thursday.';
    const hashes = ['Q3azU', 'b81Kx', '0pLmW', 'zz9Ay'];
    const texts = [article.paragraphs[0], article.paragraphs[1], added, article.paragraphs[2]] as string[];
    const body = texts.map((text, i) => `<p class="SimpleBlock-module_p__${hashes[i]}">${text}</p>`).join('');
    const html = `<html><head><title>${article.title}</title></head><body><main><article><h1>${article.title}</h1><p class="Lead-module_root__aaaaa">${article.summary}</p>${body}</article></main></body></html>`;
    const result = compareWithLive(article, html);
    expect(result.status === 'compared' && { added: result.diff.added, removed: result.diff.removed, paragraphs: result.changes.paragraphsAdded }).toEqual({ added: 13, removed: 0, paragraphs: 1 });
  });
});

describe('round 8: the parts of a story outside the container Readability chose', () => {
  const STORY = {
    title: 'Harbour Bridge Reopens After Two Years of Repairs',
    summary: 'The city’s oldest bridge carried traffic again on Monday, a year later than planned.',
    paragraphs: [
      'Crowds lined both banks as the first buses crossed the harbour bridge on Monday morning, more than two years after it was closed to traffic. The mayor cut a ribbon at the northern end.',
      'The repairs replaced the deck and most of the steel cables, engineers said. The original cables had corroded far faster than expected, a report by the council found last year.',
      'The work cost 84 million, twice the first estimate. The council blamed the rising price of steel, a shortage of specialist welders and a wet winter that stopped work for weeks.',
      'Cyclists will be allowed on the bridge from next month, once a separate lane is painted. Pedestrians can use it from today, and the ferry that replaced the crossing will stop running on Friday.',
      'Shop owners on the southern bank said trade had fallen by a third while the bridge was shut. Several said they had kept going only because of grants from the council.',
      'The council said it would review how the repairs were planned and paid for. An independent engineer will report by the end of the year, officials said.',
    ],
  } as Article;
  const [S1, S2, S3, S4, S5, S6] = STORY.paragraphs as [string, string, string, string, string, string];
  const p = (text: string) => `<p>${text}</p>`;
  // The body cut after an ad slot and a promo: the rest wrapped with them, and again by its lazy loader, two levels deeper.
  const split = (first: readonly string[], rest: readonly string[], extra = '') =>
    `<html><head><title>${STORY.title} | The Gazette</title></head><body><header><nav><a href="/">Home</a></nav></header><main><article>` +
    `<h1>${STORY.title}</h1><p class="dek">${STORY.summary}</p><div class="story-body">${first.map(p).join('')}</div>` +
    `<div class="wrap"><div class="ad-unit"><span>Story continues below advertisement</span></div><div class="card"><a href="/more">Recommended: the ferry’s last week</a></div>` +
    `<div class="lazy"><div class="part">${rest.map(p).join('')}</div></div></div>${extra}</article></main><footer><p>© The Gazette</p></footer></body></html>`;
  const verdict = (html: string) => {
    const result = compareWithLive(STORY, html);
    return result.status === 'compared' ? { added: result.diff.added, removed: result.diff.removed, changes: result.changes } : result.reason;
  };

  it('reads the part after the cut as the story’s: unchanged', () => {
    expect(verdict(split([S1, S2, S3, S4], [S5, S6]))).toMatchObject({ added: 0, removed: 0, changes: { paragraphsRemoved: 0 } });
  });

  it('reads what that part adds and what was edited in it', () => {
    const added = 'A ferry operator said on Tuesday that it would keep one evening sailing until the cycle lane is painted next month.';
    // 21 words added, nothing removed.
    expect(verdict(split([S1, S2, S3, S4], [S5, added, S6]))).toMatchObject({ added: 21, removed: 0, changes: { paragraphsAdded: 1, paragraphsRemoved: 0 } });
    expect(verdict(split([S1, S2, S3, S4], [S5.replace('a third', 'a half'), S6]))).toMatchObject({ added: 1, removed: 1, changes: { sentencesEdited: 1 } });
  });

  it('a paragraph cut from the story stays removed, though a hidden copy of the old text still has it', () => {
    const copy = `<div aria-hidden="true" class="tts-copy">${STORY.paragraphs.map(p).join('')}</div>`;
    // S5: 31 words removed.
    expect(verdict(split([S1, S2, S3, S4], [S6], copy))).toMatchObject({ added: 0, removed: 31, changes: { paragraphsRemoved: 1 } });
  });
});

describe('round 9: a page Readability rebuilt from its markup', () => {
  const STORY = {
    title: 'Library Extends Opening Hours After Petition',
    summary: 'The central library will open on Sunday afternoons from next month, the council said.',
    paragraphs: [
      'The central library will open from noon to five on Sundays from the first of next month, after more than two thousand residents signed a petition asking for longer hours.',
      'The council said the extra hours would cost about forty thousand a year, paid for by closing the mobile library van, which had seen fewer visitors each year since the pandemic.',
      'Students had led the campaign, saying the reading rooms were the only quiet place to work near the town centre at weekends. Staff will be offered the Sunday shifts first.',
      'A review of the new hours will take place after six months, officials said, and the council will decide then whether to keep them for good.',
    ],
  } as Article;
  // The story's container is named like boilerplate ("community" is one of Readability's
  // unlikely words), so Readability's first pass drops it, finds too little, and rebuilds the
  // body from its copy of the markup for a second pass. After the story, the site's licence
  // line in a component of its own.
  const licence = 'This story is published under a Creative Commons Attribution licence and may be shared with credit.';
  const html = (paragraphs: readonly string[]) =>
    `<html><head><title>${STORY.title} | Town Crier</title></head><body><header><a href="/">Town Crier</a></header>` +
    `<div class="community-desk"><article><h1>${STORY.title}</h1><p class="dek">${STORY.summary}</p>` +
    `<div class="story">${paragraphs.map((text) => `<p>${text}</p>`).join('')}</div>` +
    `<p class="licence-note">${licence}</p></article></div><footer><p>Town Crier</p></footer></body></html>`;

  it('keeps each block’s place in the page as served', () => {
    const extraction = extractLiveArticle(html(STORY.paragraphs), STORY);
    expect(extraction.ok).toBe(true);
    if (!extraction.ok) return;
    const first = extraction.blocks.find((block) => block.text === STORY.paragraphs[0]);
    expect(first?.ancestry.map(({ style }) => style).slice(0, 3)).toEqual(['P ', 'DIV story', 'ARTICLE ']);
    expect(first?.ancestry.every(({ id }) => id >= 0)).toBe(true);
  });

  it('so the licence line in a component of its own is a page extra, and an added paragraph still counts', () => {
    const unchanged = compareWithLive(STORY, html(STORY.paragraphs));
    expect(unchanged).toMatchObject({ status: 'compared', diff: { added: 0, removed: 0 } });
    const added = 'Volunteers from the reading group will run a children’s story hour on the first Sunday, the library said in a statement on Tuesday.';
    const [P1, P2, P3, P4] = STORY.paragraphs as [string, string, string, string];
    expect(compareWithLive(STORY, html([P1, P2, added, P3, P4]))).toMatchObject({ status: 'compared', diff: { added: 23, removed: 0 }, changes: { paragraphsAdded: 1 } });
  });
});
