/**
 * Every runtime message between the extension's contexts, declared once.
 *
 * Each entry names who may send it (checked by the receiver from the browser-provided
 * `sender`, never from the payload) and the schema its payload must pass on receipt.
 * Request types are inferred from the schemas and response types are declared beside
 * them, so callers (src/shared/messenger.ts) and handlers (src/background/router.ts)
 * are checked against the same declaration.
 */
import * as v from 'valibot';

/** Who sent a message to the worker, as the worker established it from `sender`. */
export type SenderRole =
  /** A content script in a web page tab (sender.tab set, sender.url not ours). */
  | 'content-script'
  /** One of our own pages: popup, options page, or a sidebar frame (sender.url ours). */
  | 'extension-page';

const PageUrl = v.nullable(v.pipe(v.string(), v.maxLength(4096)));
const SidebarToken = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/));
const SidebarWidth = v.pipe(v.number(), v.integer(), v.minValue(240), v.maxValue(1200));

/** Messages handled by the background worker. */
export const workerMessages = {
  /**
   * A content script asks whether its tab's page is an archived article. `href` is the
   * page's current address: after history.pushState the browser's sender.url still names
   * the document's first address, so the worker accepts `href` only on sender.url's origin.
   */
  'page/match': {
    from: ['content-script'],
    request: v.strictObject({ href: v.pipe(v.string(), v.url(), v.maxLength(4096)), canonical: PageUrl, ogUrl: PageUrl }),
  },
  /** A content script records the user opening or closing the sidebar on its site. */
  'page/sidebar-state': {
    from: ['content-script'],
    request: v.strictObject({ open: v.boolean(), width: v.optional(SidebarWidth) }),
  },
  /** The sidebar frame asks which article it shows; the token proves the content script made it. */
  'sidebar/context': {
    from: ['extension-page'],
    request: v.strictObject({ token: SidebarToken }),
  },
  /** The sidebar frame asks its tab's content script to close the sidebar. */
  'sidebar/close': {
    from: ['extension-page'],
    request: v.strictObject({ token: SidebarToken }),
  },
  /** The popup asks to open or close the sidebar in the active tab. */
  'popup/toggle-sidebar': {
    from: ['extension-page'],
    request: v.strictObject({}),
  },
  /** The popup asks whether the active tab shows an archived article. */
  'popup/active-article': {
    from: ['extension-page'],
    request: v.strictObject({}),
  },
} as const satisfies Record<string, { from: readonly SenderRole[]; request: v.GenericSchema }>;

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
}

export interface WorkerResponses {
  'page/match': PageMatch | null;
  'page/sidebar-state': null;
  'sidebar/context': SidebarContext;
  'sidebar/close': null;
  'popup/toggle-sidebar': { toggled: boolean };
  'popup/active-article': { articleId: string; title: string } | null;
}

export type WorkerMessageType = keyof typeof workerMessages;
export type WorkerRequest<K extends WorkerMessageType> = v.InferOutput<(typeof workerMessages)[K]['request']>;
export type WorkerResponse<K extends WorkerMessageType> = WorkerResponses[K];

/** Messages the worker sends to a tab's content script (top frame only). */
export const contentMessages = {
  'content/toggle-sidebar': v.strictObject({}),
  'content/close-sidebar': v.strictObject({}),
} as const satisfies Record<string, v.GenericSchema>;

export type ContentMessageType = keyof typeof contentMessages;
export type ContentRequest<K extends ContentMessageType> = v.InferOutput<(typeof contentMessages)[K]>;

/**
 * The wire format. The channel tag lets receivers ignore messages that are not ours
 * (other extensions' polyfills, devtools) without trying to validate them.
 */
export const CHANNEL = 'backstory/1';

export const Envelope = v.strictObject({
  channel: v.literal(CHANNEL),
  type: v.pipe(v.string(), v.maxLength(64)),
  payload: v.unknown(),
});
export type Envelope = v.InferOutput<typeof Envelope>;

export function envelope(type: string, payload: unknown): Envelope {
  return { channel: CHANNEL, type, payload };
}
