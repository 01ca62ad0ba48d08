/** Which article this sidebar frame shows: asked of the worker with the frame's token. */
import type { SidebarContext } from '../shared/messages';
import { sendToWorker, useSidebarToken } from '../shared/messenger';

/** The frame's address is sidebar.html#<token>/<article id>; only the token is trusted. */
export function tokenFromHash(hash: string): string | null {
  const match = /^#([0-9a-f]{32})(?:\/|$)/.exec(hash);
  return match?.[1] ?? null;
}

export async function loadSidebarContext(hash: string): Promise<{ token: string; context: SidebarContext }> {
  const token = tokenFromHash(hash);
  if (token === null) throw new Error('this page only works as the Backstory sidebar');
  useSidebarToken(token);
  return { token, context: await sendToWorker('sidebar/context', {}) };
}
