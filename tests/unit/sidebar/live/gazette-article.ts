/**
 * One archived article and the page that serves it (a plain news page of "The Gazette"), shared by
 * the live-comparison rule tests so each test states only the markup it is about. The test files
 * mock `src/shared/browser` themselves (vi.mock is hoisted per test file): `verdict` reads its
 * words through that mock.
 */
import type { Article } from '../../../../src/shared/archive-format';
import { compareWithLive } from '../../../../src/sidebar/live/live-compare';
import { verdictText } from '../../../../src/sidebar/live/live-verdict-text';

export const ARTICLE = {
  title: 'Harbour Bridge Reopens After Two Years of Repairs',
  summary: 'The city’s oldest bridge carried traffic again on Monday, a year later than planned.',
  paragraphs: [
    'Crowds lined both banks as the first buses crossed the harbour bridge on Monday morning. The mayor cut a ribbon at the northern end.',
    'The repairs replaced the deck and most of the steel cables, engineers said. The original cables had corroded far faster than expected.',
    'The work cost 84 million, twice the first estimate. The council blamed the rising price of steel and a wet winter.',
    'Cyclists will be allowed on the bridge from next month, once a separate lane is painted. Pedestrians can use it from today.',
  ],
} as Article;

export const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
export const p = (text: string) => `<p>${esc(text)}</p>`;
export function page(body: string, headline = ARTICLE.title): string {
  return `<html><head><title>${esc(headline)} | The Gazette</title><meta property="og:site_name" content="The Gazette"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>${esc(headline)}</h1>${body}</article></main><footer><p>© The Gazette. All rights reserved.</p></footer></body></html>`;
}
export const [P1, P2, P3, P4] = ARTICLE.paragraphs as [string, string, string, string];

/** The verdict's words and the extras Compare lists, or why nothing was compared. */
export function verdict(html: string) {
  const result = compareWithLive(ARTICLE, html);
  if (result.status !== 'compared') return result.reason;
  return { text: verdictText(result.diff, result.changes), extras: result.extras.map((e) => e.text) };
}
