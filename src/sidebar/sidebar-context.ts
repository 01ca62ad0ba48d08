/** Which article this sidebar frame shows: asked of the worker with the frame's token. */
import type { Article } from '../shared/archive-format';
import type { ArchiveReader } from '../shared/archive-reader';
import type { SidebarContext } from '../shared/messages';
import { sendToWorker, useSidebarToken } from '../shared/messages/to-worker';

/** The frame's address is sidebar.html#<token>/<article id>; only the token is trusted. */
export function tokenFromHash(hash: string): string | null {
  const match = /^#([0-9a-f]{32})(?:\/|$)/.exec(hash);
  return match?.[1] ?? null;
}

/** Every later message from this frame carries the token; the worker checks it against the tab. */
async function loadSidebarContext(hash: string): Promise<SidebarContext> {
  const token = tokenFromHash(hash);
  if (token === null) throw new Error('this page only works as the Backstory sidebar');
  useSidebarToken(token);
  return sendToWorker('sidebar/context', {});
}

/** The article id the frame's address names: only a hint, for fetching early. */
function articleIdHint(hash: string): string | null {
  return /^#[0-9a-f]{32}\/([0-9a-f]{16})$/.exec(hash)?.[1] ?? null;
}

/**
 * The context and the article it names. The article named in the frame's address is
 * fetched while the worker confirms which one this tab shows (archive files are public,
 * so an early fetch reveals nothing; a captured article's is not a file, and fails
 * quietly); only the worker's answer decides what is shown.
 */
export async function loadSidebarArticle(hash: string, archive: ArchiveReader): Promise<Article> {
  const hint = articleIdHint(hash);
  if (hint) archive.article(hint).catch(() => undefined);
  const context = await loadSidebarContext(hash);
  // A captured article is the user's data, kept by the worker: only this tab's sidebar may read it.
  return context.captured ? sendToWorker('sidebar/captured-article', { articleId: context.articleId }) : archive.article(context.articleId);
}
