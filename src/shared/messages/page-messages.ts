/** Messages of the page ↔ sidebar ↔ popup flow: matching a page, showing and toggling the sidebar. */
import * as v from 'valibot';
import { answers, type MessageSpec } from './spec';

const PageUrl = v.nullable(v.pipe(v.string(), v.maxLength(4096)));
const SidebarWidth = v.pipe(v.number(), v.integer(), v.minValue(240), v.maxValue(1200));

export const pageMessages = {
  /**
   * A content script asks whether its tab's page is an archived article. `href` is the
   * page's current address: after history.pushState the browser's sender.url still names
   * the document's first address, so the worker accepts `href` only on sender.url's origin.
   */
  'page/match': {
    from: ['content-script'],
    request: v.strictObject({ href: v.pipe(v.string(), v.url(), v.maxLength(4096)), canonical: PageUrl, ogUrl: PageUrl }),
    response: answers<PageMatch | null>(),
  },
  /** A content script records the user opening or closing the sidebar on its site. */
  'page/sidebar-state': {
    from: ['content-script'],
    request: v.strictObject({ open: v.boolean(), width: v.optional(SidebarWidth) }),
    response: answers<null>(),
  },
  /** The sidebar frame asks which article it shows (its token says which tab it is in). */
  'sidebar/context': {
    from: ['sidebar'],
    request: v.strictObject({}),
    response: answers<SidebarContext>(),
  },
  /** The sidebar frame asks its tab's content script to close the sidebar. */
  'sidebar/close': {
    from: ['sidebar'],
    request: v.strictObject({}),
    response: answers<null>(),
  },
  /** The popup asks to open or close the sidebar in the active tab (fails not-archived or tab-unreachable). */
  'popup/toggle-sidebar': {
    from: ['extension-page'],
    request: v.strictObject({}),
    response: answers<{ toggled: true }>(),
  },
  /** The popup asks whether the active tab shows an archived article. */
  'popup/active-article': {
    from: ['extension-page'],
    request: v.strictObject({}),
    response: answers<{ articleId: string; title: string } | null>(),
  },
} as const satisfies Record<string, MessageSpec>;

/** What the page needs to show the sidebar for a matched article. */
export interface PageMatch {
  articleId: string;
  title: string;
  /** Secret for this tab's sidebar frame; it goes only into the frame's URL. */
  token: string;
  /** False when the user closed the sidebar on this site before. */
  open: boolean;
  width: number;
}

export interface SidebarContext {
  articleId: string;
  /** The address of the page the sidebar sits beside. */
  pageUrl: string;
  /** The user captured this article: its text comes from the worker (sidebar/captured-article), not the package. */
  captured: boolean;
}
