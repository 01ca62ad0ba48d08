/**
 * The live-page comparison's state in the sidebar (docs/live-diff.md): once the sidebar is
 * visible, asks for the page beside it, reads the article out of it and diffs it with the
 * archived text. Nothing is asked while the sidebar is closed (it still loads, hidden): the
 * request waits until the frame is on screen, and the content script refuses too while its
 * sidebar is closed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '../../shared/archive-format';
import { sendToWorker } from '../../shared/messenger';
import type { LiveResult } from './live-compare';
import { sidebarExtras } from '../lazy-module';

export type LiveComparison = { status: 'waiting' } | { status: 'loading' } | LiveResult;

/** Resolves once the sidebar frame is on screen (at once if it is). */
function whenVisible(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.documentElement);
    signal.addEventListener('abort', () => observer.disconnect());
  });
}

export function useLiveComparison(article: Article): LiveComparison {
  const [state, setState] = useState<LiveComparison>({ status: 'waiting' });
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const run = async (): Promise<void> => {
      for (;;) {
        await whenVisible(signal);
        if (signal.aborted) return;
        setState({ status: 'loading' });
        const page = await sendToWorker('sidebar/live-page', {});
        if (signal.aborted) return;
        if (page.ok) {
          const { compareWithLive } = await sidebarExtras.load();
          // Let "Comparing…" paint before the synchronous work.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (!signal.aborted) setState(compareWithLive(article, page.html));
          return;
        }
        if (page.reason !== 'closed') {
          setState({ status: 'failed', reason: page.reason });
          return;
        }
        // Closed after all (it was being hidden as we asked): wait to be shown again.
        setState({ status: 'waiting' });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    run().catch(() => !signal.aborted && setState({ status: 'failed', reason: 'error' }));
    return () => controller.abort();
  }, [article]);
  return state;
}
