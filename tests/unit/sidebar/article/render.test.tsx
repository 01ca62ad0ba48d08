// @vitest-environment happy-dom
/** Archive strings are rendered as text: markup in entity names or text never becomes elements. */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { useDomRoot } from '../../helpers/dom-root';
import type { ArticleEntity } from '../../../../src/shared/archive-format';
import { ArticleText } from '../../../../src/sidebar/article/ArticleText';
import { EntityList } from '../../../../src/sidebar/article/EntityList';

vi.mock('../../../../src/shared/browser', () => ({ t: (key: string, substitution?: string) => (substitution ? `${key}:${substitution}` : key) }));

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>\u202Eevil';

function entity(name: string): ArticleEntity {
  return { id: `person:${name.length}`, type: 'person', name, aliases: [name, 'javascript:alert(1)'], count: 1, mentions: [[0, 4]] };
}

describe('sidebar rendering of hostile archive strings', () => {
  const domRoot = useDomRoot();

  it('shows an entity name with markup as text', () => {

    const root = domRoot();
    render(<EntityList entities={[entity(HOSTILE)]} selectedId={null} onSelect={() => undefined} />, root);
    expect(root.querySelector('.entity-name')?.textContent).toBe(HOSTILE);
    expect(root.querySelectorAll('img, script').length).toBe(0);
    expect(root.querySelector('.entity')?.getAttribute('title')).toBe(`${HOSTILE}, javascript:alert(1)`);
    expect(root.querySelectorAll('a').length).toBe(0);
  });

  it('shows archived text with markup as text, marks included', () => {

    const root = domRoot();
    render(<ArticleText text={HOSTILE} start={100} marks={[[100, 110]]} />, root);
    expect(root.textContent).toBe(HOSTILE);
    expect(root.querySelectorAll('img, script').length).toBe(0);
    expect(root.querySelector('mark')?.textContent).toBe(HOSTILE.slice(0, 10));
  });
});
