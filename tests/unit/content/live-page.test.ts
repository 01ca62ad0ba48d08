// @vitest-environment happy-dom
/** The content script's bounded copy of the page (src/content/live-page.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { livePageSnapshot } from '../../../src/content/live-page';
import { MAX_LIVE_PAGE_CHARS, MAX_LIVE_PAGE_ELEMENTS } from '../../../src/shared/live-limits';

describe('livePageSnapshot', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('reads nothing while the sidebar is closed', () => {
    document.body.innerHTML = '<article><p>Text</p></article>';
    expect(livePageSnapshot(false)).toEqual({ ok: false, reason: 'closed' });
  });

  it('copies the page’s markup while the sidebar is open', () => {
    document.body.innerHTML = '<article><p>Text</p></article>';
    const reply = livePageSnapshot(true);
    expect(reply.ok && reply.html).toContain('<article><p>Text</p></article>');
  });

  it('refuses a page with too many elements or too much markup', () => {
    document.body.innerHTML = '<i></i>'.repeat(MAX_LIVE_PAGE_ELEMENTS);
    expect(livePageSnapshot(true)).toEqual({ ok: false, reason: 'too-large' });
    document.body.innerHTML = `<p>${'x'.repeat(MAX_LIVE_PAGE_CHARS)}</p>`;
    expect(livePageSnapshot(true)).toEqual({ ok: false, reason: 'too-large' });
  }, 30_000); // happy-dom builds 30,000 elements slowly on a busy machine
});
