// @vitest-environment happy-dom
/** The sidebar's split-out parts: read once when first used, shown when they arrive, a failed read said and retried. */
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { useDomRoot } from '../helpers/dom-root';
import { lazyModule, type LazyModule } from '../../../src/sidebar/lazy-module';

function Shown({ part }: { part: LazyModule<{ label: string }> }) {
  const loaded = part.use();
  return <p>{loaded.status === 'ready' ? loaded.module.label : loaded.status === 'error' ? `error: ${loaded.message}` : 'loading'}</p>;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('lazyModule', () => {
  const domRoot = useDomRoot();

  it('reads the module once, however many places use it, and shows it when it arrives', async () => {

    const root = domRoot();
    const importModule = vi.fn(async () => ({ label: 'notes panel' }));
    const part = lazyModule(importModule);
    render(
      <>
        <Shown part={part} />
        <Shown part={part} />
      </>,
      root,
    );
    expect(root.textContent).toBe('loadingloading');
    await settle();
    expect(root.textContent).toBe('notes panelnotes panel');
    expect(await part.load()).toEqual({ label: 'notes panel' });
    expect(importModule).toHaveBeenCalledTimes(1);
  });

  it('renders a module that has arrived at once, with no loading step', async () => {

    const root = domRoot();
    const part = lazyModule(async () => ({ label: 'compare view' }));
    await part.load();
    render(<Shown part={part} />, root);
    expect(root.textContent).toBe('compare view');
  });

  it('says why a read failed, and reads again when asked again', async () => {

    const root = domRoot();
    const importModule = vi
      .fn<() => Promise<{ label: string }>>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValueOnce({ label: 'second try' });
    const part = lazyModule(importModule);
    render(<Shown part={part} />, root);
    await settle();
    expect(root.textContent).toBe('error: chunk missing');
    expect(await part.load()).toEqual({ label: 'second try' });
    expect(importModule).toHaveBeenCalledTimes(2);
  });
});
