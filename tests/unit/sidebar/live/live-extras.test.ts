// @vitest-environment happy-dom
/**
 * Round 7's rules for page extras (src/sidebar/live/live-extras.ts), from the general causes
 * heldout7 showed: press releases' run-in section headings after the story, a <span> an
 * editor left around a one-sentence paragraph, a wire's CORRECTION label before the headline,
 * <details> folds among the paragraphs, and the publisher named as a party to the reporting.
 * Real edits are still caught beside each.
 */
import { describe, expect, it, vi } from 'vitest';
import { ARTICLE, esc, p, page, P1, P2, P3, P4, verdict } from './gazette-article';

vi.mock('../../../../src/shared/browser', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])].join(' '),
}));

const plainBody = [ARTICLE.summary, P1, P2, P3, P4].map(p).join('');

describe('a section with its heading run in, after the story', () => {
  const statements =
    'This release may contain statements about future plans and expectations. Such statements involve risks and uncertainties, and actual results may differ materially.';
  const trailer = `<p><b>Forward-Looking Statements</b><br>${esc(statements)}</p><p><b>Media Contact:</b><br>Jane Roe<br>press@gazette.example</p>`;

  it('is the page’s, not the story’s, and so is what follows it', () => {
    const result = verdict(page(plainBody + trailer));
    expect(result).toMatchObject({ text: 'liveUnchanged' });
    expect(typeof result === 'string' ? [] : result.extras).toContain(`Forward-Looking Statements ${statements}`);
  });

  it('a correction set with a run-in label still counts', () => {
    const correction = 'An earlier version of this story gave the wrong cost for the repairs.';
    // "Correction:" and its 13 words: 14 added.
    expect(verdict(page(plainBody + `<p><b>Correction:</b><br>${esc(correction)}</p>` + trailer))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 14 0' });
  });

  it('a paragraph added at the end whose first words are bold, with no line break, is the story’s', () => {
    const added = 'The council said on Tuesday that tolls would not be charged on the bridge before the end of the year at the earliest.';
    // 23 words, all added.
    expect(verdict(page(plainBody + `<p><b>The council</b> ${esc(added.slice('The council '.length))}</p>`))).toMatchObject({
      text: 'liveChanged liveKind_paragraphsAdded_one liveWords 23 0',
    });
  });
});

describe('a <span> is no style of its own', () => {
  it('a one-sentence paragraph added with its sentence in a span an editor left counts', () => {
    const added = 'A spokesperson for the port authority declined to comment when contacted on Thursday.';
    const body = [ARTICLE.summary, P1, P2].map(p).join('') + `<p><span class="s">${esc(added)}</span></p>` + [P3, P4].map(p).join('');
    // 13 words.
    expect(verdict(page(body))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 13 0' });
  });

  it('an italic line is still unlike plain paragraphs, span or not', () => {
    const tip = 'Have a news tip? Call the newsroom at 555-0134 or email the desk any day of the week.';
    const body = plainBody + `<p><span class="s"><em>${esc(tip)}</em></span></p>`;
    expect(verdict(page(body))).toMatchObject({ text: 'liveUnchanged', extras: [tip] });
  });
});

describe('a wire’s correction label before the headline', () => {
  const note = 'Correction: An earlier version of this release gave the wrong cost for the repairs.';
  const withNote = p(note) + plainBody;

  it('is the correction’s flag on a page that carries the correction', () => {
    for (const label of ['CORRECTION -- ', 'CORRECTED-', 'Correction: ']) {
      const result = verdict(page(withNote, `${label}${ARTICLE.title}`));
      // The note's 14 words; the headline unchanged.
      expect(result).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 14 0' });
      expect(typeof result === 'string' ? [] : result.extras).toContain(label.trim());
    }
  });

  it('is the headline changed when the page carries no correction', () => {
    expect(verdict(page(plainBody, `CORRECTION -- ${ARTICLE.title}`))).toMatchObject({ text: 'liveChanged liveKind_headline liveWords 2 0' });
  });

  it('a headline that only starts with such a word is a new headline', () => {
    const headline = 'Correction-minded councils reopen harbour bridge after two years of repairs';
    expect(verdict(page(withNote, headline))).toMatchObject({ text: expect.stringMatching(/^liveChanged liveKind_headline, liveKind_correction /) });
  });
});

describe('a <details> fold among the paragraphs', () => {
  const context = 'Independent engineers were asked to check the cables after a report found corrosion. Their findings were published in full last spring.';

  it('is a page extra: shown only on a tap, set apart from the story', () => {
    const body = [ARTICLE.summary, P1, P2].map(p).join('') + `<details class="context"><summary>Context</summary>${p(context)}</details>` + [P3, P4].map(p).join('');
    expect(verdict(page(body))).toMatchObject({ text: 'liveUnchanged', extras: ['Context', context] });
  });

  it('a story folded in one whole is still the story, and an edit in it is caught', () => {
    const edited = P4.replace('next month', 'next week');
    const body = [ARTICLE.summary, P1, P2].map(p).join('') + `<details open><summary>Read the full story</summary>${[P3, edited].map(p).join('')}</details>`;
    expect(verdict(page(body))).toMatchObject({ text: 'liveChanged liveKind_sentencesEdited_one liveOneWord 1' });
  });
});

describe('the publisher named as a party to the reporting', () => {
  const added =
    'The mayor told the Gazette on Tuesday that the cycle lane would be painted within a fortnight. Council officers said the paint had already been ordered.';

  it('an added paragraph quoting what was told to the paper counts, also in a component unlike the paragraphs', () => {
    const among = (block: string) => page([ARTICLE.summary, P1, P2].map(p).join('') + block + [P3, P4].map(p).join(''));
    // 26 words.
    expect(verdict(among(p(added)))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 26 0' });
    expect(verdict(among(`<div class="text-block">${esc(added)}</div>`))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 26 0' });
    const reported = 'The Gazette reported in March that the repairs would overrun. The council has not said why the work took a year longer than planned.';
    // 24 words.
    expect(verdict(among(`<div class="text-block">${esc(reported)}</div>`))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 24 0' });
  });

  it('the publisher speaking for itself in a box of its own is still furniture', () => {
    const disclosure = 'The Gazette may receive compensation for some links to products and services in this article. Prices are accurate as of publication.';
    const body = [ARTICLE.summary, P1, P2].map(p).join('') + `<div class="text-block">${esc(disclosure)}</div>` + [P3, P4].map(p).join('');
    expect(verdict(page(body))).toMatchObject({ text: 'liveUnchanged', extras: [disclosure] });
  });
});

describe('a speaker’s label run into a transcript’s or an interview’s turn (round 8)', () => {
  const turns = (label: (i: number) => string, paragraphs: readonly string[] = [P1, P2, P3, P4]) =>
    page(p(ARTICLE.summary) + paragraphs.map((text, i) => `<p>${label(i)} ${esc(text)}</p>`).join(''));
  const SPEAKERS = ['MARTA OYELARAN, HOST:', 'DEV ANAND:', 'MARTA OYELARAN, HOST:', 'SEN. RUTH COLE (D-OR):'];

  it('in capitals, as broadcasters set transcripts, is who speaks, not what was said', () => {
    const result = verdict(turns((i) => esc(SPEAKERS[i] ?? '')));
    expect(result).toMatchObject({ text: 'liveUnchanged' });
    expect(typeof result === 'string' ? [] : result.extras).toEqual(expect.arrayContaining(['MARTA OYELARAN, HOST:', 'DEV ANAND:']));
  });

  it('in bold, as print interviews set them, the colon inside the bold or after it', () => {
    const labels = ['<b>Q:</b>', '<strong>Dev Anand:</strong>', '<b>Interviewer</b>:', '<strong>Anand:</strong>'];
    expect(verdict(turns((i) => labels[i] ?? ''))).toMatchObject({ text: 'liveUnchanged' });
  });

  it('an edit in a labelled turn is still caught', () => {
    const edited = [P1, P2.replace('most of', 'all of'), P3, P4];
    expect(verdict(turns((i) => esc(SPEAKERS[i] ?? ''), edited))).toMatchObject({ text: 'liveChanged liveKind_sentencesEdited_one liveOneWord 1' });
  });

  it('a turn cut whole is one paragraph removed: the next turn’s label is not a replacement for it', () => {
    // P2 (22 words) cut with its turn; the labels of the turns left stay theirs.
    const cut = [P1, P3, P4];
    expect(verdict(turns((i) => esc(SPEAKERS[i] ?? ''), cut))).toMatchObject({ text: 'liveChanged liveKind_paragraphsRemoved_one liveWords 0 22' });
    // Likewise a dateline that leads the story's new first paragraph (P1, 24 words, cut).
    const datelined = page(p(ARTICLE.summary) + p(`HARBOURTON (Gazette) - ${P2}`) + [P3, P4].map(p).join(''));
    expect(verdict(datelined)).toMatchObject({ text: 'liveChanged liveKind_paragraphsRemoved_one liveWords 0 24' });
  });

  it('part of a paragraph removed beside a label is still a replacement: the label’s words count', () => {
    // The first sentence of P2 (13 words) cut; the label's 3 words then count as added.
    const first = 'The repairs replaced the deck and most of the steel cables, engineers said. ';
    const body = p(ARTICLE.summary) + p(P1) + `<p>MARTA OYELARAN, HOST: ${esc(P2.slice(first.length))}</p>` + [P3, P4].map(p).join('');
    expect(verdict(page(body))).toMatchObject({ text: expect.stringMatching(/ liveWords 3 13$/) });
  });

  it('words an editor puts before a paragraph in plain type, or an update flag, are a change', () => {
    // "The engineers said:" in plain type, mixed case, no bold: 3 words added to the sentence.
    const said = page([ARTICLE.summary, P1].map(p).join('') + p(`The engineers said: ${P2}`) + [P3, P4].map(p).join(''));
    expect(verdict(said)).toMatchObject({ text: 'liveChanged liveKind_sentencesEdited_one liveWords 3 0' });
    // "UPDATE:" in capitals: an editor flagging the paragraph has changed it (1 word added, 0 removed).
    const flagged = page([ARTICLE.summary, P1].map(p).join('') + p(`UPDATE: ${P2}`) + [P3, P4].map(p).join(''));
    expect(verdict(flagged)).toMatchObject({ text: 'liveChanged liveKind_sentencesEdited_one liveOneWord 0' });
  });
});
