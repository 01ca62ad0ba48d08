// @vitest-environment happy-dom
/** The source line: "Archived …" for a bundled article; "Published … · Archived by you …" and the capture's notes for a captured one. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceLine } from '../../../../src/sidebar/article/SourceLine';
import { capturedArticle } from '../../helpers/captured';

vi.mock('../../../../src/shared/browser', () => ({ t: (key: string, sub?: string | string[]) => (sub === undefined ? key : `${key}:${[sub].flat().join('|')}`) }));

describe('SourceLine', () => {
  const root = document.createElement('div');
  afterEach(() => render(null, root));
  const texts = (selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent);

  it('says when a captured article was published and when the user archived it', () => {
    render(<SourceLine article={capturedArticle('0123456789abcdef', { date: '2024-02-08', capturedAt: Date.parse('2025-06-01T12:00:00') })} />, root);
    expect(root.querySelector('.source')?.textContent).toMatch(/^Example News · publishedOn:.*2024 · archivedByYouOn:.*2025$/);
    expect(root.querySelector('time.published')?.getAttribute('datetime')).toBe('2024-02-08');
    expect(texts('.capture-note')).toEqual([]);
  });

  it('says why the date shown is the capture date, which claim was not believed, and that a page was cut', () => {
    render(<SourceLine article={capturedArticle('0123456789abcdef', { dateSource: 'capture', refusedDate: '2099-01-01', truncated: 'elements' })} />, root);
    expect(root.querySelector('.published')).toBeNull();
    expect(texts('.capture-note')).toEqual(['captureNoDate', 'captureRefusedDate:2099-01-01', 'captureTruncatedElements']);
  });

  it('keeps the bundled article’s line as it was', () => {
    const { schemaVersion: _s, capturedAt: _c, site: _site, dateSource: _d, refusedDate: _r, truncated: _t, entitiesExtracted: _e, ...bundled } = capturedArticle('0123456789abcdef');
    render(<SourceLine article={bundled} />, root);
    expect(root.querySelector('.source')?.textContent).toMatch(/^news\.example\.org · archivedOn:.* · /);
  });
});
