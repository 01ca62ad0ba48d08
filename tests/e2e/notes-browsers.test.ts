/**
 * The notes basics in both browsers (Chromium's MV3 worker, Firefox's event page): a
 * note and a highlight written in the sidebar are there when the article is opened again.
 * The harder cases (worker stopped, two tabs, storage full, import) are in notes.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser, TestFrame } from './drivers/types';
import { SEED_URL, eventually, seedArticlePage } from './fixtures';

const saveState = (frame: TestFrame): Promise<string | null> => frame.text('.save-state');
const noteValue = (frame: TestFrame): Promise<string> =>
  frame.evaluate(() => (document.querySelector('.note-text') as HTMLTextAreaElement | null)?.value ?? '', null);

describe.each(testBrowsers())('notes in %s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
    browser.serve(SEED_URL, seedArticlePage());
  });
  afterAll(() => browser?.close());

  it('keeps a note and a highlight when the article is opened again', async () => {
    const page = await browser.open(SEED_URL);
    const frame = await page.sidebar();
    await frame.waitFor('.note-text');
    await frame.type('.note-text', 'Noted in both browsers.');
    expect(await eventually(() => noteValue(frame), 'Noted in both browsers.')).toBe('Noted in both browsers.');
    await frame.press('Tab'); // leaving the editor saves at once
    expect(await eventually(() => saveState(frame), 'Saved')).toBe('Saved');

    await frame.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.text') as Node, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('Popular Mobilization Forces') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Popular Mobilization Forces'.length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return;
      }
    }, null);
    await frame.waitFor('.make-highlight');
    await frame.click('.make-highlight');
    await frame.waitFor('mark.highlight');
    await page.close();

    const again = await browser.open(SEED_URL);
    const reopened = await again.sidebar();
    await reopened.waitFor('mark.highlight');
    expect(await noteValue(reopened)).toBe('Noted in both browsers.');
    expect(await reopened.texts('mark.highlight')).toEqual(['Popular Mobilization Forces']);
    expect(await reopened.texts('.highlight-item .highlight-quote')).toEqual(['Popular Mobilization Forces']);
    await again.screenshot('notes-reopened');
    await again.close();
  });
});
