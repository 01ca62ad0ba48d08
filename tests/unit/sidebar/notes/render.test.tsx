// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../../src/shared/browser', () => ({ browser: {}, t: (key: string) => key }));
import { Markdown } from '../../../../src/shared/ui/Markdown';
import { rangeOffsets } from '../../../../src/sidebar/article/selection-offsets';
import { ArticleText } from '../../../../src/sidebar/article/ArticleText';
import { layeredSegmentsOf } from '../../../../src/sidebar/article/text-segments';

function rendered(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

describe('Markdown in notes', () => {
  it('renders light Markdown as elements', () => {
    const root = rendered(<Markdown source={'**bold** and _it_\n\n- one\n- two\n\n[site](https://example.com)'} />);
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelector('em')?.textContent).toBe('it');
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    const link = root.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('never turns note text into HTML: tags show as text, unsafe links are not links', () => {
    const root = rendered(<Markdown source={'<img src=x onerror="alert(1)"> <script>alert(2)</script>\n\n[click](javascript:alert(3))'} />);
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(root.textContent).toContain('<script>alert(2)</script>');
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('click');
  });
});

describe('highlights in the archived text', () => {
  const BLOCK = 'John Kirby said CENTCOM struck Baghdad.';
  const START = 100;
  const at = (word: string): number => START + BLOCK.indexOf(word);

  it('combines entity marks and highlights into runs', () => {
    const segments = layeredSegmentsOf(BLOCK, START, [[at('Kirby'), at('Kirby') + 5]], [{ id: 'h', start: at('said'), end: at('struck') }]);
    expect(segments.map((s) => [s.text, s.marked, s.highlightId])).toEqual([
      ['John ', false, null],
      ['Kirby', true, null],
      [' ', false, null],
      ['said CENTCOM ', false, 'h'],
      ['struck Baghdad.', false, null],
    ]);
  });

  it('maps a selection in rendered text, across marks, back to full-text offsets', () => {
    const root = rendered(
      <p>
        <ArticleText text={BLOCK} start={START} marks={[[at('CENTCOM'), at('CENTCOM') + 7]]} highlights={[{ id: 'h', start: at('John'), end: at('said') }]} />
      </p>,
    );
    expect(root.querySelector('mark.highlight')?.textContent).toBe('John Kirby ');
    const range = document.createRange();
    const first = root.querySelector('mark.highlight')?.firstChild as Text; // "John Kirby "
    const centcom = root.querySelector('mark:not(.highlight)')?.firstChild as Text; // "CENTCOM"
    range.setStart(first, 5);
    range.setEnd(centcom, 3);
    expect(rangeOffsets(range)).toEqual({ start: at('Kirby'), end: at('CENTCOM') + 3 });
  });
});

describe('HighlightList', () => {
  it('lists highlights that no longer anchor as orphaned, with their notes, never dropping them', async () => {
    const { HighlightList } = await import('../../../../src/sidebar/notes/HighlightList');
    const base = {
      createdAt: 1,
      updatedAt: 1,
      quote: { type: 'TextQuoteSelector' as const, exact: 'placeholder', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector' as const, start: 0, end: 5 },
    };
    const root = rendered(
      <HighlightList
        highlights={[
          { highlight: { ...base, id: 'a', note: 'kept', quote: { ...base.quote, exact: 'still here' } }, anchor: { start: 0, end: 10 } },
          { highlight: { ...base, id: 'b', note: 'my **old** note', quote: { ...base.quote, exact: 'gone passage' } }, anchor: null },
        ]}
        editingId={null}
        onEdit={() => undefined}
        onSave={async () => undefined}
        onDelete={() => undefined}
        onShow={() => undefined}
      />,
    );
    expect([...root.querySelectorAll('.highlight-list:not(.orphaned-list) .highlight-quote')].map((e) => e.textContent)).toEqual(['still here']);
    const orphan = root.querySelector('.orphaned-list .highlight-item');
    expect(orphan?.querySelector('.highlight-quote')?.textContent).toBe('gone passage');
    expect(orphan?.querySelector('strong')?.textContent).toBe('old');
    expect(orphan?.querySelector('.highlight-delete')).not.toBeNull();
  });
});
