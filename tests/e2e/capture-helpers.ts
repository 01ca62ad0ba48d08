/** What the capture browser tests share: an article page, the popup's "Archive this page", the sidebar's lines. */
import type { BrowserName, TestPage } from './drivers/types';

const PARAGRAPHS = [
  'The council voted on Tuesday evening to approve the new harbour plan after a debate that lasted more than four hours, with residents filling the public gallery.',
  'Supporters said the plan would bring jobs to the waterfront, while opponents warned that the cost of dredging the channel had been badly underestimated.',
  'The mayor, who cast the deciding vote, told reporters afterwards that the city could not afford to wait another decade for a decision on the port.',
  'Work on the first phase is expected to begin in the spring, subject to the approval of the regional environment agency, which asked for further studies.',
];

export function articlePage(title: string, head: string, extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">${head}</head><body>
<header><a href="/">The Coastal Ledger</a><nav><a href="/news">News</a></nav></header>
<main><article><h1>${title}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}${extra}</article></main>
<footer>© The Coastal Ledger</footer></body></html>`;
}

/** A site of its own per browser and run, so no grant or capture of another test is seen. */
export const captureSite = (browser: BrowserName, run: string) => `https://www.ledger-${browser}-${run}.example`;

export async function popupCapture(page: TestPage): Promise<{ popup: TestPage; said: string }> {
  await page.clickAction();
  const popup = await page.openExtensionWindow('popup.html');
  await popup.waitFor('.capture-page');
  // The popup says when the click will ask for the site (not yet granted): the browser's prompt is then answered.
  if ((await popup.text('.capture-why'))?.includes('It will ask to run on')) await popup.clickAndAnswerPrompt('.capture-page');
  else await popup.click('.capture-page');
  await popup.waitFor('.capture-outcome');
  return { popup, said: (await popup.text('.capture-outcome')) ?? '' };
}

/** The sidebar's text lines a test reads: headline, source line, capture notes, paragraphs. */
export async function sidebarView(page: TestPage) {
  const frame = await page.sidebar();
  await frame.waitFor('.source');
  return {
    frame,
    title: await frame.text('#article-title'),
    source: await frame.text('.source'),
    notes: await frame.texts('.capture-note'),
    paragraphs: await frame.texts('.text p'),
  };
}
