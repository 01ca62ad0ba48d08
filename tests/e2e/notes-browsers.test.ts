/**
 * The notes in both browsers (Chromium's MV3 worker, Firefox's event page): a note and a
 * highlight written in the sidebar are there when the article is opened again, and two
 * tabs editing the same note at once end on the merged note, or keep a real conflict as a
 * visible copy. The Chromium-only cases (worker stopped, storage full, import) are in
 * notes.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox } from './drivers/firefox';
import { launch, testBrowsers } from './drivers/launch';
import type { TestBrowser, TestFrame } from './drivers/types';
import { SEED_URL, eventually, seedArticlePage, seriousAxeViolations } from './fixtures';

const saveState = (frame: TestFrame): Promise<string | null> => frame.text('.save-state');
const noteValue = (frame: TestFrame): Promise<string> =>
  frame.evaluate(() => (document.querySelector('.note-text') as HTMLTextAreaElement | null)?.value ?? '', null);
/** Replaces the note's text at once, as a paste does (one input event). */
const replaceNote = (frame: TestFrame, text: string): Promise<void> =>
  frame.evaluate((value) => {
    const area = document.querySelector('.note-text') as HTMLTextAreaElement;
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);

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

  it('merges two tabs editing the same note, and keeps a real conflict as a visible copy', async () => {
    const pageA = await browser.open(SEED_URL);
    const a = await pageA.sidebar();
    const pageB = await browser.open(SEED_URL);
    const b = await pageB.sidebar();
    await a.waitFor('.note-text');
    await b.waitFor('.note-text');
    await replaceNote(a, 'Line one.\nLine two.');
    expect(await eventually(() => saveState(a), 'Saved')).toBe('Saved');
    // The other tab's open sidebar follows live.
    expect(await eventually(() => noteValue(b), 'Line one.\nLine two.')).toBe('Line one.\nLine two.');

    // Both edit at once, in different places: both tabs end on the merged note.
    await Promise.all([replaceNote(a, 'Line one, from A.\nLine two.'), replaceNote(b, 'Line one.\nLine two, from B.')]);
    const merged = 'Line one, from A.\nLine two, from B.';
    expect(await eventually(() => noteValue(a), merged)).toBe(merged);
    expect(await eventually(() => noteValue(b), merged)).toBe(merged);
    expect(await eventually(() => saveState(a), 'Saved')).toBe('Saved');
    expect(await eventually(() => saveState(b), 'Saved')).toBe('Saved');

    // Both rewrite the same line at once: one wins, the other is kept as a conflict copy.
    await Promise.all([replaceNote(a, 'Rewritten by A.'), replaceNote(b, 'Rewritten by B.')]);
    const kept = (): Promise<string> =>
      browser.evaluateInBackground<string>(`chrome.storage.local.get(null).then((all) => {
        const record = Object.entries(all).find(([key]) => key.startsWith('notes:'))?.[1];
        return JSON.stringify([record?.note.text, ...(record?.conflicts ?? []).map((c) => c.text)].sort());
      })`);
    const both = JSON.stringify(['Rewritten by A.', 'Rewritten by B.']);
    expect(await eventually(kept, both)).toBe(both);
    expect(await eventually(() => a.count('.conflict-text'), 1)).toBe(1);
    expect(await eventually(() => b.count('.conflict-text'), 1)).toBe(1);
    await pageA.screenshot('notes-conflict-copy');
    expect(await seriousAxeViolations(a)).toEqual([]);
    await pageA.close();
    await pageB.close();
  });
});

// Firefox's MV3 background is an event page that Firefox stops when idle; it is stopped
// here as about:debugging does, over the Remote Debugging Protocol (Chromium's worker stop
// is in notes.test.ts and chaos.test.ts).
describe.skipIf(!testBrowsers().includes('firefox'))('notes in firefox when the background page is stopped', () => {
  let browser: Awaited<ReturnType<typeof launchFirefox>>;
  beforeAll(async () => {
    browser = await launchFirefox();
    browser.serve(SEED_URL, seedArticlePage());
  });
  afterAll(() => browser?.close());

  it('keeps what was saved before the stop, and saves through the next instance', async () => {
    const stored = (): Promise<string> =>
      browser.evaluateInBackground<string>(`browser.storage.local.get(null).then((all) => Object.entries(all).find(([key]) => key.startsWith('notes:'))?.[1]?.note.text ?? '')`);
    const page = await browser.open(SEED_URL);
    const frame = await page.sidebar();
    await frame.waitFor('.note-text');
    await replaceNote(frame, 'Written before the stop.');
    expect(await eventually(stored, 'Written before the stop.')).toBe('Written before the stop.');

    await browser.evaluateInBackground(`(globalThis.stopMarker = 'old instance')`);
    await browser.stopBackground();
    await replaceNote(frame, 'Written before the stop.\nWritten after it.');
    expect(await eventually(() => saveState(frame), 'Saved')).toBe('Saved');
    expect(await eventually(stored, 'Written before the stop.\nWritten after it.')).toBe('Written before the stop.\nWritten after it.');
    // The save was stored by a new instance of the background page.
    expect(await browser.evaluateInBackground<string>(`globalThis.stopMarker ?? 'new instance'`)).toBe('new instance');
    await page.close();
  });
});
