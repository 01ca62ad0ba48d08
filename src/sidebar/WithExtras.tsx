/**
 * A part of the sidebar drawn from its split-out chunk (extras.ts): "Loading…" until the
 * chunk has arrived, and why, if it cannot be read.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../shared/browser';
import { sidebarExtras } from './lazy-module';

interface Props {
  render(extras: typeof import('./extras')): ComponentChildren;
  /** The alert's words for a chunk that could not be read. */
  failure?(message: string): string;
}

export function WithExtras({ render, failure = (message) => message }: Props) {
  const loaded = sidebarExtras.use();
  if (loaded.status === 'ready') return <>{render(loaded.module)}</>;
  if (loaded.status === 'error') return <p role="alert">{failure(loaded.message)}</p>;
  return <p class="muted" aria-busy="true">{t('loading')}</p>;
}
