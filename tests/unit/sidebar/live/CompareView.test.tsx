// @vitest-environment happy-dom
/** The Compare view renders the live page's words as text, and marks changes not by colour alone. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diffTexts } from '../../../../src/shared/live-diff';
import { CompareView } from '../../../../src/sidebar/live/CompareView';

vi.mock('../../../../src/shared/browser', () => ({ t: (key: string) => key }));

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

describe('CompareView', () => {
  const root = document.createElement('div');
  afterEach(() => render(null, root));

  it('shows added and removed words as <ins>/<del> with a label, and page markup as text', () => {
    const archived = ['Title', 'It was big.'];
    const live = ['Title', `It was ${HOSTILE} big.`];
    const diff = diffTexts(archived, live);
    if (!diff) throw new Error('no diff');
    render(<CompareView id="c" archived={archived} live={live} diff={diff} extras={[{ text: `Photo ${HOSTILE}` }]} />, root);
    expect(root.querySelector('img, script')).toBeNull();
    expect(root.querySelector('ins .diff-words')?.textContent).toBe(HOSTILE);
    expect(root.querySelector('ins .visually-hidden')?.textContent).toBe('liveAddedLabel ');
    expect(root.querySelector('.compare-extras li')?.textContent).toBe(`Photo ${HOSTILE}`);
    expect([...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((input) => [input.value, input.checked])).toEqual([
      ['archived', false],
      ['live', false],
      ['diff', true],
    ]);
  });
});
