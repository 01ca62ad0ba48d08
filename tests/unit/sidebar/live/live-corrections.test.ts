// @vitest-environment happy-dom
/**
 * Round 10's correction and contact-line rules (src/sidebar/live/live-extras.ts), from how news
 * sites set their notes: a label standing alone in its own element with the note in the next,
 * footnote signs tying a note to a sentence, a wire's "(Corrects …)" line, "Corrected on …:"
 * labels, and a contact line outside the story. Real edits are still caught beside each.
 */
import { describe, expect, it, vi } from 'vitest';
import { isCorrectionNote } from '../../../../src/sidebar/live/live-extras';
import { ARTICLE, esc, p, page, P1, P2, P3, P4, verdict } from './gazette-article';

vi.mock('../../../../src/shared/browser', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])].join(' '),
}));

const story = (paragraphs: readonly string[] = ARTICLE.paragraphs) => [ARTICLE.summary, ...paragraphs].map(p).join('');
const ADDED = 'Engineers from three countries worked on the project, which at its busiest employed more than four hundred people on the site.';

describe('a correction’s label standing alone in its own element', () => {
  // Worded as no rule words a correction: only the label says what it is. 12 words.
  const note = 'The date of the bridge’s reopening was misstated. It reopened on Monday.';

  it('makes the next block its note, in a heading, a bold line or a span', () => {
    for (const label of ['<h2>Correction</h2>', '<p><strong>Clarification</strong></p>', '<div class="note"><span class="note__label">Editor’s note</span><p>']) {
      const close = label.endsWith('<p>') ? '</p></div>' : '';
      const body = label.endsWith('<p>') ? `${label}${esc(note)}${close}` : label + p(note);
      expect(verdict(page(story() + body))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 12 0' });
    }
  });

  it('also with a date between the label and the note, and at the top of the story', () => {
    expect(verdict(page(story() + `<h3>Correction</h3><p><time>May 12, 2024</time></p>${p(note)}`))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 12 0' });
    expect(verdict(page(`<p><b>Clarification, May 12:</b></p>${p(note)}` + story()))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 12 0' });
  });

  it('in a box Readability leaves out, the note under the label is still put back', () => {
    const html = page(story()).replace('</article>', `</article><aside class="corrections"><h3>Correction</h3>${p(note)}</aside>`);
    expect(verdict(html)).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 12 0' });
  });

  it('labels only its own note: a paragraph added in the story is still a paragraph added', () => {
    const paragraphs = [P1, P2, ADDED, P3, P4];
    expect(verdict(page(story(paragraphs) + `<h2>Correction</h2>${p(note)}`))).toMatchObject({ text: 'liveChanged liveKind_correction, liveKind_paragraphsAdded_one liveWords 33 0' });
  });

  it('a heading that names no date is no label: the section under it is the page’s', () => {
    const policy = 'The Gazette corrects errors of fact as soon as they are found. Readers can ask the standards editor to review any story.';
    const result = verdict(page(story() + `<h2>Corrections policy</h2>${p(policy)}`));
    expect(result).toMatchObject({ text: 'liveUnchanged' });
  });
});

describe('a footnote sign tying a note to a sentence', () => {
  const note = 'An earlier version of this story gave the cost as 48 million.';

  it('the note after the sign counts, and the sign in the sentence is its mark, not a word added', () => {
    const body = story([P1, P2, P3.replace('estimate.', 'estimate.*'), P4]) + p(`* ${note}`);
    const result = verdict(page(body));
    // "*" and the note's 12 words.
    expect(result).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 13 0' });
    expect(typeof result === 'string' ? [] : result.extras).toContain('*');
  });

  it('a dagger glued to the note counts as well', () => {
    const body = story([P1, P2.replace('engineers said.', 'engineers said.†'), P3, P4]) + p(`†${note}`);
    expect(verdict(page(body))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 12 0' });
  });

  it('without a note, a sign added to a sentence is still a word added', () => {
    expect(verdict(page(story([P1, P2, P3.replace('estimate.', 'estimate.*'), P4])))).toMatchObject({ text: 'liveChanged liveKind_sentencesEdited_one liveOneWord 0' });
  });
});

describe('a wire service’s note on a reissued story', () => {
  it('"(Corrects …)" at the top and "(Adds …)" at the foot are corrections', () => {
    expect(verdict(page(p('(Corrects spelling of the mayor’s name in paragraph 2)') + story()))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 9 0' });
    expect(verdict(page(story() + p('(Adds cost of the repairs in paragraph 4)')))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 8 0' });
  });

  it('the wires’ other bracketed lines are not', () => {
    expect(isCorrectionNote('(Reporting by Ann Lee; Editing by Tom Roe)')).toBe(false);
    expect(verdict(page(story() + p('(Reporting by Ann Lee; Editing by Tom Roe)')))).toMatchObject({ text: 'liveUnchanged' });
  });
});

describe('"Corrected:" labels and statements of the change', () => {
  it('"Corrected:" and "Corrected on 12 May:" are labels', () => {
    expect(verdict(page(story() + p('Corrected on 12 May: The work cost 84 million, not 48 million.')))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 12 0' });
    expect(isCorrectionNote('Corrected: The work cost 84 million, not 48 million.')).toBe(true);
  });

  it('"This story has been corrected to …" and "An earlier version of this article …" are notes; a version in print is not', () => {
    expect(isCorrectionNote('This story has been corrected to show that the bridge reopened on Monday.')).toBe(true);
    expect(isCorrectionNote('An earlier version of this article gave the wrong cost.')).toBe(true);
    expect(isCorrectionNote('A version of this article appears in print on page A12.')).toBe(false);
  });
});

describe('a contact line outside the story', () => {
  it('a mail address or an invitation to send tips is the page’s, however long', () => {
    const tip = 'Have a question about the bridge or another story in the city? Send it to the newsroom at tips@gazette.example and a reporter will look into it.';
    expect(verdict(page(story() + p(tip)))).toMatchObject({ text: 'liveUnchanged' });
    const tips = 'Send tips to the city desk on Signal at 555 0100, or leave a message for the reporters who cover the council and its budget.';
    expect(verdict(page(story() + p(tips)))).toMatchObject({ text: 'liveUnchanged' });
  });

  it('inside the story an address is news, and counts', () => {
    const news = 'The council said residents could send complaints about the works to bridge@council.example until the end of the month.';
    expect(verdict(page(story([P1, P2, news, P3, P4])))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0' });
  });
});

describe('an update notice that names no change (round 11)', () => {
  // Set like the story's paragraphs (a plain <p>) among them: only its words say it is the page's.
  const stamp = '<p><strong>Updated <time datetime="2024-06-13T09:54">June 13, 2024, 9:54 a.m.</time>:</strong> This story has been updated with the latest developments.</p>';
  const top = (paragraphs: readonly string[] = ARTICLE.paragraphs) => [ARTICLE.summary].map(p).join('') + stamp + paragraphs.map(p).join('');

  it('under an "Updated …" time is the stamp’s words, not a correction', () => {
    expect(verdict(page(top()))).toMatchObject({ text: 'liveUnchanged' });
    expect(verdict(page(story() + p('Update, June 13: This story has been updated.')))).toMatchObject({ text: 'liveUnchanged' });
    expect(isCorrectionNote('This article was originally published on June 12 and has been updated with new information.')).toBe(false);
  });

  it('leaves a paragraph added beside it named, and a note that says what changed counted', () => {
    expect(verdict(page(top([P1, P2, ADDED, P3, P4])))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 21 0' });
    expect(verdict(page(story() + p('Updated June 13: This story has been updated to include comment from the council.')))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 14 0' });
    expect(isCorrectionNote('Editor’s note: This story has been updated to clarify the number of officials involved.')).toBe(true);
  });
});

describe('a developing story’s timestamped update log (round 12)', () => {
  // Newest first, each entry's time in an element of its own, as developing stories list revisions.
  const entry = (time: string, text: string) => `<li><time datetime="2024-06-13T${time}">${time}</time> ${esc(text)}</li>`;
  const log = (...entries: string[]) => `<section aria-label="Updates to this story"><h2>Updates</h2><ol>${entries.join('')}</ol></section>`;
  const notice = entry('07:27', 'This story has been updated with additional reporting.');

  it('reads an entry after its time: a notice that names no change is the page’s', () => {
    expect(verdict(page(log(notice) + story()))).toMatchObject({ text: 'liveUnchanged' });
    expect(isCorrectionNote('7:27 AM This story has been updated with additional reporting.')).toBe(false);
    expect(isCorrectionNote('14:20 GMT – This article has been updated with the latest developments.')).toBe(false);
  });

  it('still counts a correction logged as the newest entry, and a paragraph added beside the log', () => {
    const correction = entry('11:01', 'Correction: The work cost 84 million, not 48 million.');
    expect(verdict(page(log(correction, notice) + story()))).toMatchObject({ text: expect.stringMatching(/^liveChanged liveKind_correction liveWords \d+ 0$/) });
    expect(verdict(page(log(notice) + story([P1, P2, ADDED, P3, P4])))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 21 0' });
    expect(isCorrectionNote('11:01 a.m. ET Correction: The mayor’s name was misspelled.')).toBe(true);
  });
});
