/**
 * The last words typed survive the tab going away (issue 15, hole 5), in both browsers:
 * a word typed into the note, the tab closed 150 ms later (well inside the autosave's
 * pause, so no ordinary save has started), the article opened again: the word is there.
 * Nothing in the sidebar gets to finish a message while its frame is torn down; the
 * worker saves the draft the sidebar's port last carried (src/background/notes/drafts.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser, TestFrame } from './drivers/types';
import { SEED_URL, eventually, seedArticlePage } from './fixtures';

const noteValue = (frame: TestFrame): Promise<string> =>
  frame.evaluate(() => (document.querySelector('.note-text') as HTMLTextAreaElement | null)?.value ?? '', null);

/** What a user takes to close a tab right after typing; shorter than the autosave's pause (500 ms). */
const CLOSE_AFTER_MS = 150;

describe.each(testBrowsers())('the last words typed in %s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch(browserName);
    browser.serve(SEED_URL, seedArticlePage());
  });
  afterAll(() => browser?.close());

  it('are kept when the tab is closed 150 ms after typing', async () => {
    const page = await browser.open(SEED_URL);
    const frame = await page.sidebar();
    await frame.waitFor('.note-text');
    await frame.type('.note-text', 'Closing');
    expect(await frame.text('.save-state')).toMatch(/^Unsaved/);
    await new Promise((resolve) => setTimeout(resolve, CLOSE_AFTER_MS));
    await page.close();

    const again = await browser.open(SEED_URL);
    const reopened = await again.sidebar();
    await reopened.waitFor('.note-text');
    expect(await eventually(() => noteValue(reopened), 'Closing')).toBe('Closing');
    await again.screenshot('notes-kept-after-tab-close');

    // And typed on top of what was there, with the tab closed as fast again.
    await reopened.type('.note-text', ' and gone');
    await new Promise((resolve) => setTimeout(resolve, CLOSE_AFTER_MS));
    await again.close();
    const third = await browser.open(SEED_URL);
    const thirdFrame = await third.sidebar();
    await thirdFrame.waitFor('.note-text');
    expect(await eventually(() => noteValue(thirdFrame), 'Closing and gone')).toBe('Closing and gone');
    await third.close();
  });
});
