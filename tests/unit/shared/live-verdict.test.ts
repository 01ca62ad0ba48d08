// @vitest-environment happy-dom
/**
 * Page extras and naming the change (src/sidebar/live/live-extras.ts, src/shared/live-verdict.ts):
 * each kind of furniture left uncounted, prose and corrections counted, paragraph splits
 * never counted, each kind of edit named.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../../../src/shared/archive-format';
import { diffTexts } from '../../../src/shared/live-diff';
import { describeChanges } from '../../../src/shared/live-verdict';
import { compareWithLive } from '../../../src/sidebar/live/live-compare';
import { isCorrectionNote, isSentenceShaped } from '../../../src/sidebar/live/live-extras';
import { verdictText } from '../../../src/sidebar/live/live-verdict-text';

vi.mock('../../../src/shared/browser', () => ({
  t: (key: string, subs?: string | string[]) => [key, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])].join(' '),
}));

const ARTICLE = {
  title: 'Harbour Bridge Reopens After Two Years of Repairs',
  summary: 'The city’s oldest bridge carried traffic again on Monday, a year later than planned.',
  paragraphs: [
    'Crowds lined both banks as the first buses crossed the harbour bridge on Monday morning. The mayor cut a ribbon at the northern end.',
    'The repairs replaced the deck and most of the steel cables, engineers said. The original cables had corroded far faster than expected.',
    'The work cost 84 million, twice the first estimate. The council blamed the rising price of steel and a wet winter.',
    'Cyclists will be allowed on the bridge from next month, once a separate lane is painted. Pedestrians can use it from today.',
  ],
} as Article;

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const p = (text: string) => `<p>${esc(text)}</p>`;
function page(body: string, headline = ARTICLE.title): string {
  return `<html><head><title>${esc(headline)} | The Gazette</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>${esc(headline)}</h1>${body}</article></main><footer><p>© The Gazette. All rights reserved.</p></footer></body></html>`;
}
const [P1, P2, P3, P4] = ARTICLE.paragraphs as [string, string, string, string];
const plainBody = [ARTICLE.summary, P1, P2, P3, P4].map(p).join('');

function verdict(html: string) {
  const result = compareWithLive(ARTICLE, html);
  if (result.status !== 'compared') return result.reason;
  return { text: verdictText(result.diff, result.changes), extras: result.extras.map((e) => e.text) };
}

describe('page extras are not counted', () => {
  it.each([
    ['a byline with a <time>', `<div class="byline">By <a href="/a">Ann Lee</a></div><p><time datetime="2024-02-08">8 February 2024</time></p>`],
    ['a published/updated line', `<p>Published 8 February 2024 · Updated 2 hours ago</p>`],
    ['a captioned photo with a credit', `<figure><img src="x.jpg"><figcaption>Buses cross the bridge on Monday morning. Photograph: Sam Roe/Agency</figcaption></figure>`],
    ['a caption that is a full sentence', `<figure><img src="x.jpg"><figcaption>The first buses crossed the bridge on Monday.</figcaption></figure>`],
    ['a Read more link', `<p><strong>Read more:</strong> <a href="/b">Why the city’s bridges are ageing faster than planned</a></p>`],
    ['an Advertisement label', `<div><p>Advertisement</p></div>`],
    ['a share bar', `<div class="share-bar"><button>Share</button><button>Copy link</button></div>`],
    ['a sign-up box with prose', `<div class="signup"><p>Get the Gazette’s morning briefing in your inbox every weekday.</p><input type="email"><button>Sign up</button></div>`],
    ['a related-stories list', `<h2>More on this story</h2><ul><li><a href="/c">Bridge closure: what it means for commuters</a></li><li><a href="/d">Steel prices hit a ten-year high</a></li></ul>`],
    ['an author bio in an aside', `<aside><p>Ann Lee is the Gazette’s transport correspondent. She has covered the city for ten years.</p></aside>`],
    ['a video player label', `<div class="player"><span>Replay</span><span>1:02</span></div>`],
    ['a pull quote repeating a sentence', `<blockquote><p>“The original cables had corroded far faster than expected”</p></blockquote>`],
    ['a tag list', `<p>Topics: <a href="/t/1">Transport</a>, <a href="/t/2">Council</a></p>`],
    ['a print-edition line split by framework separators', `<p>A version of this article appears in print, Section <!-- -->A<!-- -->, Page <!-- -->22 with the headline: ${esc(ARTICLE.title)}.</p>`],
  ])('%s, inside the article or after it', (_, furniture) => {
    // Wherever Readability keeps it, it is shown as a page extra (some it leaves out itself).
    for (const html of [page([ARTICLE.summary, P1].map(p).join('') + furniture + [P2, P3, P4].map(p).join('')), page(plainBody + furniture)]) {
      const result = verdict(html);
      if (typeof result !== 'object') throw new Error(result);
      expect(result.text).toBe('liveUnchanged');
    }
  });

  it('a trailing Follow us sentence with links', () => {
    const follow = `<p>Follow us on <a href="/x">X</a> and <a href="/f">Facebook</a> for the latest news.</p>`;
    expect(verdict(page(plainBody + follow))).toMatchObject({ text: 'liveUnchanged', extras: ['Follow us on X and Facebook for the latest news.'] });
  });

  it('shows what it did not count', () => {
    const result = verdict(page(p(ARTICLE.summary) + `<p>Published 8 February 2024 · Updated 2 hours ago</p>` + [P1, P2, P3, P4].map(p).join('')));
    expect(typeof result === 'object' && result.extras).toEqual(['Published 8 February 2024 · Updated 2 hours ago']);
  });

  it('a wire dateline run into the first paragraph, and ticker links inside a sentence', () => {
    const chip = P2.replace('engineers said', 'engineers <span>(<a href="/q/ENG">ENG <span>up</span> +1.2%</a>)</span> said');
    const html = page(p(ARTICLE.summary) + p(`HARBOURTON, Feb 8 (Wire) - ${P1}`) + `<p>${chip}</p>` + [P3, P4].map(p).join(''));
    expect(verdict(html)).toMatchObject({ text: 'liveUnchanged', extras: ['HARBOURTON, Feb 8 (Wire) -', '(ENG up +1.2%)'] });
  });

  it('a call to action whose sentence is a link, and a standfirst set as bullets outside the article body', () => {
    const [first, second] = ARTICLE.summary.split(', ') as [string, string];
    const html = `<html><body><header><h1>${esc(ARTICLE.title)}</h1><ul><li>${esc(first)},</li><li>${esc(second)}</li></ul></header>
<article>${p(P1)}<p>If you buy something through a link, we may earn a commission. <a href="/ethics">See our ethics statement.</a></p>${[P2, P3, P4].map(p).join('')}</article></body></html>`;
    expect(verdict(html)).toMatchObject({ text: 'liveUnchanged' });
  });

  it('an added paragraph marked up like the article’s own, whose class looks like boilerplate', () => {
    const added = 'Traffic on the ring road fell by a third within hours of the reopening, the transport authority said.';
    const styled = (text: string) => `<p class="media-ui-paragraph">${esc(text)}</p>`;
    expect(verdict(page([ARTICLE.summary, P1, P2, added, P3, P4].map(styled).join('')))).toMatchObject({
      text: 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0',
    });
  });

  it('joins text split by framework separators and inline elements without inserting spaces', () => {
    const split = P3.replace('84 million', '8<!-- -->4 mil<span>lion</span>');
    expect(verdict(page([ARTICLE.summary, P1, P2].map(p).join('') + `<p>${split}</p>` + p(P4)))).toMatchObject({ text: 'liveUnchanged' });
  });
});

describe('paragraph splits never count', () => {
  it('a <p> per sentence, and paragraphs run together', () => {
    const perSentence = [ARTICLE.summary, ...ARTICLE.paragraphs.flatMap((x) => x.split(/(?<=\.) /))].map(p).join('');
    expect(verdict(page(perSentence))).toMatchObject({ text: 'liveUnchanged' });
    expect(verdict(page(p(ARTICLE.summary) + p(`${P1} ${P2}`) + p(`${P3} ${P4}`)))).toMatchObject({ text: 'liveUnchanged' });
  });
});

describe('real edits are caught and named', () => {
  it('a word changed in a sentence', () => {
    expect(verdict(page([ARTICLE.summary, P1, P2.replace('most', 'all'), P3, P4].map(p).join('')))).toMatchObject({
      text: 'liveChanged liveKind_sentencesEdited_one liveOneWord 1',
    });
  });

  it('a prose paragraph added, also where the page runs its paragraphs together', () => {
    const added = 'Traffic on the ring road fell by a third within hours of the reopening, the transport authority said.';
    expect(verdict(page([ARTICLE.summary, P1, P2, added, P3, P4].map(p).join('')))).toMatchObject({
      text: 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0',
    });
    expect(verdict(page(p(ARTICLE.summary) + p(`${P1} ${P2} ${added} ${P3}`) + p(P4)))).toMatchObject({
      text: 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0',
    });
  });

  it('a sentence added inside a paragraph', () => {
    const edited = P2.replace('said.', 'said. The deck is now a metre wider.');
    expect(verdict(page([ARTICLE.summary, P1, edited, P3, P4].map(p).join('')))).toMatchObject({
      text: 'liveChanged liveKind_sentencesAdded_one liveWords 7 0',
    });
  });

  it('paragraphs removed', () => {
    expect(verdict(page([ARTICLE.summary, P1, P4].map(p).join('')))).toMatchObject({
      text: expect.stringMatching(/^liveChanged liveKind_paragraphsRemoved 2 liveWords 0 \d+$/),
    });
  });

  it('the headline changed', () => {
    expect(verdict(page(plainBody, 'Harbour Bridge Finally Reopens'))).toMatchObject({ text: expect.stringMatching(/^liveChanged liveKind_headline /) });
  });

  it('a correction appended, wherever the site puts it', () => {
    const note = 'Correction: An earlier version of this article gave the wrong cost of the repairs.';
    for (const markup of [p(note), `<aside class="correction"><p><em>${note}</em></p></aside>`, `<footer><p>${note}</p></footer>`]) {
      expect(verdict(page(plainBody + markup))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 14 0' });
    }
  });

  it('a prose paragraph added in a box with a boilerplate-looking class still counts when it sits among the article’s own', () => {
    const added = 'Traffic on the ring road fell by a third within hours of the reopening, the transport authority said.';
    const body = `<div class="story-body">${[ARTICLE.summary, P1, P2, added, P3, P4].map(p).join('')}</div>`;
    expect(verdict(page(body))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0' });
  });
});

describe('reader appeals, post cards and links inside words', () => {
  const added = 'Traffic on the ring road fell by a third within hours of the reopening, the transport authority said.';

  it('a reader appeal in a box of its own among the paragraphs is a page extra, in its several markups', () => {
    const appeals = [
      `<div class="donate-group"><div class="inner"><h2>Can you chip in?</h2><div class="cols"><div class="col"><p>The Gazette is free to read because readers like you pay for it. A gift of any size keeps our reporters on the beat.</p></div><div class="col"><p><a class="button" href="/donate">Donate now</a></p></div></div></div></div>`,
      // Its prose in a bare <div>, which Readability makes a <p>.
      `<div class="callout"><span class="icon">♥</span><div class="callout-copy">Independent local reporting depends on members. Join the Gazette today and help us cover the stories nobody else will.</div><a href="/join">Join</a></div>`,
    ];
    for (const appeal of appeals) {
      const result = verdict(page([ARTICLE.summary, P1, P2].map(p).join('') + appeal + [P3, P4].map(p).join('')));
      expect(typeof result === 'object' && result.text).toBe('liveUnchanged');
    }
  });

  it('an added paragraph counts wherever the article’s paragraphs are wrapped alike, and in a post card like the others', () => {
    const wrapped = (text: string) => `<div class="row"><div class="col-text"><p>${esc(text)}</p></div></div>`;
    expect(verdict(page([ARTICLE.summary, P1, P2, added, P3, P4].map(wrapped).join('')))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0' });
    // Live posts: each card has share buttons, so each card is a box with controls.
    const card = (text: string, i: number) =>
      `<article class="post" id="p${i}"><header><time>1${i}:00</time></header><div class="post-body"><p>${esc(text)}</p></div><footer><button>Share</button></footer></article>`;
    const feed = `<p>${esc(ARTICLE.summary)}</p><div class="feed">${[P1, P2, added, P3, P4].map(card).join('')}</div>`;
    expect(verdict(page(feed))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0' });
  });

  it('a link covering part of a word is never cut out of it', () => {
    // A link inside a word, a soft hyphen at a link's edge, a <wbr> after one.
    const split = P2.replace('engineers said', '<a href="/t/e">engine</a>ers said').replace('The original', 'The <a href="/t/o">orig&shy;</a>inal');
    const wbr = P4.replace('separate lane', '<a href="/t/s">sep</a><wbr>arate lane');
    const html = page([ARTICLE.summary, P1].map(p).join('') + `<p>${split}</p>` + p(P3) + `<p>${wbr}</p>`);
    expect(verdict(html)).toMatchObject({ text: 'liveUnchanged', extras: [] });
    // A link of words the archive lacks, as whole words, is still a chip taken out.
    const chip = P2.replace('engineers said', 'engineers <a href="/q">(ENG +1.2%)</a> said');
    expect(verdict(page([ARTICLE.summary, P1].map(p).join('') + `<p>${chip}</p>` + [P3, P4].map(p).join('')))).toMatchObject({ text: 'liveUnchanged', extras: ['(ENG +1.2%)'] });
  });
});

describe('the article’s own paragraphs show what its prose looks like', () => {
  const added = 'Traffic on the ring road fell by a third within hours of the reopening, the transport authority said.';
  const ADDED_ONE = 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0';
  const among = (furniture: string, wrap: (text: string) => string = p) =>
    page([ARTICLE.summary, P1, P2].map(wrap).join('') + furniture + [P3, P4].map(wrap).join(''));

  it('prose set all in italics or bold among plain paragraphs is a page extra; an added plain one counts', () => {
    const invite = 'Have a question about this story? Send it to our transport desk and we may answer it next week.';
    for (const tag of ['em', 'strong', 'i']) {
      expect(verdict(among(`<p><${tag}>${invite}</${tag}></p>`))).toMatchObject({ text: 'liveUnchanged', extras: [invite] });
    }
    expect(verdict(among(p(added)))).toMatchObject({ text: ADDED_ONE });
    // A site that sets every paragraph in italics: an added one in italics is like the others.
    const italic = (text: string) => `<p><em>${esc(text)}</em></p>`;
    expect(verdict(among(italic(added), italic))).toMatchObject({ text: ADDED_ONE });
  });

  it('a paragraph whose element is styled unlike the article’s paragraphs is a page extra; one styled like them counts', () => {
    const styled = (text: string) => `<p class="body-text">${esc(text)}</p>`;
    const pitch = 'Get our stories in your inbox every morning and never miss the news that matters to you.';
    expect(verdict(among(`<p class="channel-signoff">${pitch}</p>`, styled))).toMatchObject({ text: 'liveUnchanged', extras: [pitch] });
    expect(verdict(among(styled(added), styled))).toMatchObject({ text: ADDED_ONE });
  });

  it('a short credit after all of the article’s text is a sign-off; a paragraph-long one counts', () => {
    const credit = 'The Agency contributed to this report.';
    expect(verdict(page(plainBody + p(credit)))).toMatchObject({ text: 'liveUnchanged', extras: [credit] });
    // Among the paragraphs, a short sentence is the story's.
    const short = 'The mayor did not comment.';
    expect(verdict(among(p(short)))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 5 0' });
    expect(verdict(page(plainBody + p(added)))).toMatchObject({ text: ADDED_ONE });
  });

  it('the headline is no article paragraph: prose beside it in the page’s header is furniture like any other', () => {
    const promo = 'Sign up for the weekly transport briefing and get it in your inbox every Friday.';
    const html = page(plainBody).replace(`<h1>${esc(ARTICLE.title)}</h1>`, `<header><h1>${esc(ARTICLE.title)}</h1><p>${promo}</p></header>`);
    expect(verdict(html)).toMatchObject({ text: 'liveUnchanged', extras: [promo] });
  });

  it('a rights line set as one more paragraph is a page extra', () => {
    const rights = 'Copyright 2024 The Agency. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.';
    expect(verdict(page(plainBody + p(rights)))).toMatchObject({ text: 'liveUnchanged', extras: [rights] });
  });

  it('footnote marks glued to words are taken out: superscript links and links to a note on the page', () => {
    const marked = [
      // Glued to a word's letters too, where a link of words the archive lacks would be kept as part of the word.
      P1.replace('Monday morning.', 'Monday morning<sup><a href="/notes#1">1</a></sup>.'),
      P2.replace('engineers said.', 'engineers said<a class="footnote-anchor" href="#footnote-2">2</a>.'),
    ];
    const html = page([ARTICLE.summary].map(p).join('') + marked.map((x) => `<p>${x}</p>`).join('') + [P3, P4].map(p).join(''));
    expect(verdict(html)).toMatchObject({ text: 'liveUnchanged', extras: ['1', '2'] });
    // A number in superscript that is no link ("m²") is text.
    const squared = P3.replace('price of steel', 'price of steel<sup>2</sup>');
    expect(verdict(page([ARTICLE.summary, P1, P2].map(p).join('') + `<p>${squared}</p>` + p(P4)))).toMatchObject({
      text: 'liveChanged liveKind_sentencesEdited_one liveOneWord 1',
    });
  });

  it('a correction says so in its first sentence; a statement of the site’s policy that mentions updates later is not one', () => {
    const policy = 'Our reporters follow a published code of ethics. We correct our mistakes openly and say when a story has been updated.';
    expect(isCorrectionNote(policy)).toBe(false);
    expect(isCorrectionNote('An earlier version of this report gave an incorrect date. The error has been corrected.')).toBe(true);
    expect(isCorrectionNote('A correction was made on Dec. 1, 2026: An earlier version of this story misstated the cost.')).toBe(true);
    expect(verdict(page(plainBody + `<div class="trust-box"><div><p>${policy}</p></div></div>`))).toMatchObject({ text: 'liveUnchanged', extras: [policy] });
  });

  // Round 4: furniture among the paragraphs told by what it says, and prose however it is marked up.

  it('the standfirst’s style is not the paragraphs’: a bold promo is an extra where only the introduction is bold', () => {
    const bold = (text: string) => `<p><b>${esc(text)}</b></p>`;
    const promo = 'Download the Gazette app and switch on notifications for breaking news.';
    const html = page(bold(ARTICLE.summary) + [P1, P2].map(p).join('') + bold(promo) + [P3, P4].map(p).join(''));
    expect(verdict(html)).toMatchObject({ text: 'liveUnchanged', extras: [promo] });
    // The bold introduction is still the article's, and an added plain paragraph counts.
    expect(verdict(page(bold(ARTICLE.summary) + [P1, P2, added, P3, P4].map(p).join('')))).toMatchObject({ text: ADDED_ONE });
  });

  it('a call to the reader set like a paragraph is an extra; "you" inside a quotation is a speaker’s', () => {
    const promo = 'Get the Gazette’s top stories sent straight to your phone every morning.';
    expect(verdict(among(p(promo)))).toMatchObject({ text: 'liveUnchanged', extras: [promo] });
    const quoted = '“You will see the difference by spring,” the mayor told residents at the northern end.';
    expect(verdict(among(p(quoted)))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 15 0' });
  });

  it('reported prose among the paragraphs counts whatever its markup; the publisher speaking does not', () => {
    const update =
      'The transport authority said on Tuesday that bus journeys across the harbour were already ten minutes shorter. It expects the saving to grow once the cycle lane opens.';
    const ADDED_UPDATE = 'liveChanged liveKind_paragraphsAdded_one liveWords 28 0';
    expect(verdict(among(`<p class="update-text">${esc(update)}</p>`))).toMatchObject({ text: ADDED_UPDATE });
    expect(verdict(among(`<div class="rich-text-block"><p><em>${esc(update)}</em></p></div>`))).toMatchObject({ text: ADDED_UPDATE });
    const ours = 'Our reporters will follow the reopening all week on every route across the harbour. The first report on the new bus times is due on Friday.';
    expect(verdict(among(`<p class="update-text">${esc(ours)}</p>`))).toMatchObject({ text: 'liveUnchanged', extras: [ours] });
    // "US" in capitals is the country, not the publisher's "us".
    const country =
      'The transport authority said the US company that built the ferries would inspect every hull this month. Its engineers are due in the harbour on Monday.';
    expect(verdict(among(`<p class="update-text">${esc(country)}</p>`))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 26 0' });
    const helpUs = 'Help us keep reporting on the harbour and on every route across the city. Readers like you fund the work of this newsroom.';
    expect(verdict(among(`<p class="update-text">${esc(helpUs)}</p>`))).toMatchObject({ text: 'liveUnchanged' });
  });

  it('of two copies of a paragraph, the one the archive aligns with counts; a text printed twice that the archive lacks is an extra', () => {
    const pulled = page([ARTICLE.summary, P1, P2].map(p).join('') + `<blockquote class="pull-quote"><p>${esc(P4)}</p></blockquote>` + [P3, P4].map(p).join(''));
    expect(verdict(pulled)).toMatchObject({ text: 'liveUnchanged', extras: [P4] });
    const promo = 'Traffic alerts for every harbour crossing arrive first on the Gazette app, free on every phone.';
    const twice = page([ARTICLE.summary, P1].map(p).join('') + p(promo) + [P2, P3].map(p).join('') + p(promo) + p(P4));
    expect(verdict(twice)).toMatchObject({ text: 'liveUnchanged', extras: [promo, promo] });
  });

  it('after an end-of-copy mark, what follows the story is not the story', () => {
    const about =
      'About the Gazette: Founded in 1901, the Gazette is the city’s oldest newspaper and publishes daily in print and online for readers across the whole region.';
    for (const mark of ['###', '# # #', '-30-']) {
      expect(verdict(page(plainBody + p(mark) + p(about)))).toMatchObject({ text: 'liveUnchanged', extras: [mark, about] });
    }
    // A correction after the mark still counts.
    const note = 'Correction: An earlier version of this article gave the wrong cost of the repairs.';
    expect(verdict(page(plainBody + p('###') + p(note)))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 14 0' });
  });

  it('after a heading or a separator line that follows the story, the page’s own sections are not the story', () => {
    const contact = 'Journalists should contact the council press office on 020 7946 0108 for interviews.';
    const funder = 'The Gazette receives support from several private foundations for its transport coverage.';
    expect(verdict(page(plainBody + '<h2>Notes to editors</h2>' + p(contact)))).toMatchObject({ text: 'liveUnchanged', extras: ['Notes to editors', contact] });
    const about = 'The Gazette is the city’s oldest newspaper and has published daily in print since 1901 and online since 1998 for readers across the region.';
    expect(verdict(page(plainBody + '<p><strong>About the Gazette</strong></p>' + p(about)))).toMatchObject({ text: 'liveUnchanged', extras: ['About the Gazette', about] });
    for (const line of ['___', '* * *']) {
      expect(verdict(page(plainBody + p(line) + p(funder)))).toMatchObject({ text: 'liveUnchanged', extras: [line, funder] });
    }
    // A correction under such a heading still counts; a subhead among the paragraphs is the story's own.
    const note = 'Correction: An earlier version of this article gave the wrong cost of the repairs.';
    expect(verdict(page(plainBody + '<h3>Correction</h3>' + p(note)))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 14 0' });
    const added = 'Traffic on the ring road fell by a third within hours of the reopening, the transport authority said.';
    expect(verdict(page([ARTICLE.summary, P1, P2].map(p).join('') + '<h2>What comes next</h2>' + [P3, added, P4].map(p).join('')))).toMatchObject({
      text: 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0',
    });
  });
});

describe('the rest of the story collapsed behind "Continue reading"', () => {
  const button = '<button type="button" aria-expanded="false">Continue reading</button>';
  const collapsed = (rest: string, hiding: string) => page([ARTICLE.summary, P1, P2].map(p).join('') + `<div ${hiding}>${rest}</div>` + button);

  it('is the article’s: the whole text is served, the reader can open it', () => {
    for (const hiding of ['aria-hidden="true" style="max-height:0;overflow:hidden"', 'hidden', 'style="display: none"']) {
      expect(verdict(collapsed([P3, P4].map(p).join(''), hiding))).toMatchObject({ text: 'liveUnchanged' });
    }
    const added = 'Traffic on the ring road fell by a third within hours of the reopening, the transport authority said.';
    expect(verdict(collapsed([P3, added, P4].map(p).join(''), 'hidden'))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0' });
  });

  it('hidden furniture stays hidden: only a box that is mostly the archived paragraphs is opened', () => {
    const thanks = 'Thanks for signing up! Look out for the Gazette’s transport briefing in your inbox every Friday morning from next week.';
    const html = page([ARTICLE.summary, P1, P2].map(p).join('') + `<div hidden><p>${esc(thanks)}</p></div>` + [P3, P4].map(p).join(''));
    expect(verdict(html)).toEqual({ text: 'liveUnchanged', extras: [] });
    // A hidden copy of text the page shows (a text-to-speech or print copy) is no collapsed rest.
    const copy = `<section class="tts-copy" hidden>${[P1, P2, P3, P4].map(p).join('')}</section>`;
    expect(verdict(page(plainBody + copy))).toEqual({ text: 'liveUnchanged', extras: [] });
  });
});

describe('round 6: datelines, replaced elements, nested emphasis, the publisher naming itself', () => {
  const added = 'Traffic on the ring road fell by a third within hours of the reopening, the transport authority said.';
  const ADDED_ONE = 'liveChanged liveKind_paragraphsAdded_one liveWords 18 0';

  it('a dateline set off by an agency’s double hyphen, or a date line run in with a bullet, is a page extra', () => {
    const agency = page(p(ARTICLE.summary) + p(`HARBOURTON, Feb. 8 (Agency) -- ${P1}`) + [P2, P3, P4].map(p).join(''));
    expect(verdict(agency)).toMatchObject({ text: 'liveUnchanged', extras: ['HARBOURTON, Feb. 8 (Agency) --'] });
    for (const mark of ['•', '·', '|']) {
      const dated = page(p(`Monday, February 5, 2024 ${mark} ${ARTICLE.summary}`) + [P1, P2, P3, P4].map(p).join(''));
      expect(verdict(dated)).toMatchObject({ text: 'liveUnchanged', extras: [`Monday, February 5, 2024 ${mark}`] });
    }
    // An edit beside it is still one sentence edited.
    const edited = page(p(ARTICLE.summary) + p(`HARBOURTON, Feb. 8 (Agency) -- ${P1.replace('first buses', 'last buses')}`) + [P2, P3, P4].map(p).join(''));
    expect(verdict(edited)).toMatchObject({ text: 'liveChanged liveKind_sentencesEdited_one liveOneWord 1' });
  });

  it('a notice in a one-cell layout table is read where the page put it, though Readability makes the cell a paragraph', () => {
    const box = (text: string) => `<table class="notice" role="presentation"><tbody><tr><td class="notice-text">${esc(text)}</td></tr></tbody></table>`;
    const notice = 'This page has been archived and can no longer be edited. Suggested changes may be left on its discussion page.';
    expect(verdict(page(box(notice) + plainBody))).toMatchObject({ text: 'liveUnchanged', extras: [notice] });
    // A correction in the same kind of box still counts.
    const correction = 'Correction: An earlier version of this story gave the wrong cost for the repairs.';
    expect(verdict(page(box(correction) + plainBody))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 14 0' });
  });

  it('a page builder’s italic line inside the <span> every run has is unlike its paragraphs; an added paragraph in the span counts', () => {
    const run = (text: string) => `<p class="block"><span class="r">${esc(text)}</span></p>`;
    const tip = 'Have a news tip? Call the newsroom at 555-0134 or email news@gazette.example any day of the week.';
    const body = [ARTICLE.summary, P1, P2, P3, P4].map(run).join('');
    expect(verdict(page(body + `<p class="block"><span class="r"><em>${esc(tip)}</em></span></p>`))).toMatchObject({ text: 'liveUnchanged', extras: [tip] });
    expect(verdict(page([ARTICLE.summary, P1, P2, added, P3, P4].map(run).join('')))).toMatchObject({ text: ADDED_ONE });
  });

  it('the publisher naming itself: its disclosure is no reported prose, a link naming it is a call to action', () => {
    const named = (body: string) => page(body).replace('<head>', '<head><meta property="og:site_name" content="The Gazette">');
    const disclosure = 'The Gazette may receive compensation for some links to products and services in this article. Prices are accurate as of publication.';
    const among = (block: string) => named(p(ARTICLE.summary) + block + [P1, P2, P3, P4].map(p).join(''));
    expect(verdict(among(`<p class="disclosure"><em>${esc(disclosure)}</em></p>`))).toMatchObject({ text: 'liveUnchanged', extras: [disclosure] });
    const pitch = `Never miss a story — sign up for <a href="/newsletters">The Gazette’s free daily newsletter</a> to stay up to date on the best of what the city has to offer, from council news to the stories behind them.`;
    expect(verdict(among(`<p>${pitch}</p>`))).toMatchObject({ text: 'liveUnchanged' });
    // An added paragraph set like the others that names the paper is still the story's.
    const told = 'The mayor told the Gazette on Tuesday that the cycle lane would be painted within a fortnight of the reopening.';
    expect(verdict(named([ARTICLE.summary, P1, P2, told, P3, P4].map(p).join('')))).toMatchObject({ text: 'liveChanged liveKind_paragraphsAdded_one liveWords 20 0' });
  });

  it('an added paragraph that a pull quote copies whole is the story’s; the quote is the repeat', () => {
    const quoted = `<blockquote class="pull-quote"><p>${esc(added)}</p></blockquote>`;
    const html = page([ARTICLE.summary, P1, P2, added].map(p).join('') + quoted + [P3, P4].map(p).join(''));
    expect(verdict(html)).toMatchObject({ text: ADDED_ONE, extras: [added] });
  });
});

describe('a page behind a subscriber gate', () => {
  const gateLd = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","isAccessibleForFree":false,"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paywall"}}</script>`;
  const gatePrompt = `<div class="gate"><h2>Subscribe to keep reading</h2><p>Get unlimited access to the Gazette’s journalism.</p><button>Subscribe</button></div>`;
  const teaser = (body: string, head = gateLd) => page(body + gatePrompt).replace('<head>', `<head>${head}`);

  it('only a prefix shown: says so, and counts nothing withheld as removed', () => {
    expect(verdict(teaser([ARTICLE.summary, P1, P2].map(p).join('')))).toMatchObject({ text: 'livePartialUnchanged' });
    // The gate named by its class instead, and a paragraph cut short.
    const cut = teaser([ARTICLE.summary, P1].map(p).join('') + p(P2.split('. ')[0] + '.') + '<div class="paywall"></div>', '');
    expect(verdict(cut)).toMatchObject({ text: 'livePartialUnchanged' });
  });

  it('an edit in the part shown is still named', () => {
    expect(verdict(teaser([ARTICLE.summary, P1.replace('Crowds', 'Large crowds'), P2].map(p).join('')))).toMatchObject({
      text: 'livePartialChanged liveKind_sentencesEdited_one liveWords 2 1',
    });
  });

  it('without a gate, a page that stops short says so; an article cut in the middle or by its last paragraph is changed', () => {
    // A preview, a "continue reading" page: the start of the story and nothing after it.
    expect(verdict(page([ARTICLE.summary, P1, P2].map(p).join('') + gatePrompt))).toMatchObject({ text: 'livePartialCutUnchanged' });
    expect(verdict(page([ARTICLE.summary, P1.replace('Crowds', 'Large crowds'), P2].map(p).join('')))).toMatchObject({
      text: 'livePartialCutChanged liveKind_sentencesEdited_one liveWords 2 1',
    });
    expect(verdict(page([ARTICLE.summary, P1, P2, P3].map(p).join('')))).toMatchObject({
      text: expect.stringMatching(/^liveChanged liveKind_paragraphsRemoved_one liveWords 0 \d+$/),
    });
    expect(verdict(page([ARTICLE.summary, P1, P4].map(p).join('')))).toMatchObject({
      text: expect.stringMatching(/^liveChanged liveKind_paragraphsRemoved 2 /),
    });
  });

  it('with the whole text shown, the usual verdicts', () => {
    expect(verdict(teaser(plainBody))).toMatchObject({ text: 'liveUnchanged' });
    expect(verdict(page(plainBody).replace('<head>', '<head><div class="non-paywall"></div>'))).toMatchObject({ text: 'liveUnchanged' });
  });
});

describe('sentence shape and correction wording', () => {
  it('tells sentences from labels', () => {
    expect(isSentenceShaped('The mayor cut a ribbon.')).toBe(true);
    expect(isSentenceShaped('Replay')).toBe(false);
    expect(isSentenceShaped('Published 8 February 2024 · Updated 2 hours ago')).toBe(false);
    expect(isSentenceShaped('Photo: AP.')).toBe(false);
  });

  it('knows a correction or editor’s note when it reads one', () => {
    expect(isCorrectionNote('This article was amended on 9 February 2024 to correct the cost of the repairs.')).toBe(true);
    expect(isCorrectionNote('Editor’s note: This story has been updated with a statement from the council.')).toBe(true);
    expect(isCorrectionNote('Updated 2 hours ago')).toBe(false);
    expect(isCorrectionNote('The council corrected its figures on Monday.')).toBe(false);
  });

  it.each([
    'Clarification: This story has been revised to make clear who paid for the survey.',
    'Update (March 12): The council has since confirmed the cost of the repairs.',
    'UPDATE, 14:20 GMT: Police said the road had reopened.',
    'Editors’ note: Names of two witnesses were withheld at their request.',
    'This story has been updated to include a response from the council.',
    'An earlier version of this story gave the wrong year for the repairs.',
    'A previous headline misstated the cost of the repairs.',
    'Erratum: The engineer’s name was misspelled in an earlier edition.',
    'Rectification: Contrary to what we wrote, the ribbon was cut at the southern end.',
    'This article originally misidentified the mayor. We regret the error.',
    'Due to an editing error, the report gave the wrong date for the reopening.',
    'Note: This report was corrected on 3 April to fix a quotation.',
  ])('names an unusually worded correction as one: %s', (note) => {
    expect(isCorrectionNote(note)).toBe(true);
    expect(verdict(page(plainBody + p(note)))).toMatchObject({ text: expect.stringMatching(/^liveChanged liveKind_correction liveWords \d+ 0$/) });
  });

  it('an update label is an editor’s note appended to the story, news added when spliced among its paragraphs', () => {
    const update = 'Update, February 9: The council said on Tuesday that the bridge would close again for a week in May.';
    expect(verdict(page(plainBody + p(update)))).toMatchObject({ text: 'liveChanged liveKind_correction liveWords 19 0' });
    expect(verdict(page([ARTICLE.summary, P1, P2, update, P3, P4].map(p).join('')))).toMatchObject({
      text: 'liveChanged liveKind_paragraphsAdded_one liveWords 19 0',
    });
  });

  it.each([
    'An earlier version of the plan would have closed the bridge for four years.',
    'The update to the timetable will be published next month, officials said.',
    'Officials said the original version of the design had been lost.',
    '“That figure was wrong and I regret the error, but the bridge is safe,” the mayor told reporters on Monday.',
  ])('takes prose about versions and updates for prose: %s', (text) => {
    expect(isCorrectionNote(text)).toBe(false);
  });
});

describe('describeChanges', () => {
  it('names nothing for an unchanged text and counts edited sentences once each', () => {
    const archived = ['Title', 'One two three. Four five six.'];
    const none = diffTexts(archived, archived);
    expect(none && describeChanges(none).firstChange).toBe(-1);
    const two = diffTexts(archived, ['Title', 'One two tree. Four fife six.']);
    expect(two && describeChanges(two)).toMatchObject({ sentencesEdited: 2, headline: false, paragraphsAdded: 0 });
  });
});
