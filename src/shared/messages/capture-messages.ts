/**
 * Messages of "Archive this page" (docs/capture.md). Only the popup (an extension page no
 * web page can embed) may ask for a capture, and it captures the tab under the popup; the
 * context menu and the keyboard command run in the worker itself. A page can send none of
 * these: the router refuses content scripts and pages. The sidebar reads a captured
 * article only through its token, and only its own (the router checks `articleId`).
 */
import * as v from 'valibot';
import type { CapturedArticle } from '../captured-article';
import { ArticleId } from '../notes-schema';
import { answers, type MessageSpec } from './spec';

/** What a capture did, for the popup to say. */
export type CaptureOutcome =
  | {
      status: 'archived';
      articleId: string;
      title: string;
      /** Why the page is not kept whole, or null. */
      truncated: CapturedArticle['truncated'];
      /** The page's date claim that was not believed, or null. */
      refusedDate: string | null;
    }
  /** The page was in the archive already: its sidebar is shown instead. */
  | { status: 'already-archived'; articleId: string; title: string }
  | { status: 'no-article' }
  | { status: 'too-large' }
  /** Not an http(s) page (a browser page, a PDF viewer, a file). */
  | { status: 'not-a-page' }
  /** A private window, and the user has not turned capture on there (options page). */
  | { status: 'private-window' };

/** The active tab's page as the popup's "Archive this page" needs it, or null when it cannot be archived. */
export interface CapturablePage {
  /** The site (host without www.), for the permission the popup asks for and its words. */
  site: string;
  /** The host patterns that would show the sidebar on this site's later visits. */
  origins: string[];
  /** Whether those are granted already (no need to ask). */
  siteAccess: boolean;
}

/** What the last capture from the menu or the command did in a tab (they have nowhere to say it). */
export type LastCapture = { at: number } & ({ outcome: CaptureOutcome } | { failed: string; code: string });

/** The popup's view of its tab for capture. */
export interface CaptureStatus {
  /** The page, or null when it cannot be archived. */
  page: CapturablePage | null;
  /** The last capture from the menu or command in this tab, within the last minute (told once). */
  last: LastCapture | null;
}

export const captureMessages = {
  /** Archives the page under the popup (the user clicked "Archive this page"). */
  'popup/capture': { from: ['extension-page'], request: v.strictObject({}), response: answers<CaptureOutcome>() },
  /** Whether the page under the popup can be archived, and what site it is. */
  'popup/capturable': { from: ['extension-page'], request: v.strictObject({}), response: answers<CaptureStatus>() },
  /** The sidebar frame reads the captured article its tab shows. */
  'sidebar/captured-article': { from: ['sidebar'], request: v.strictObject({ articleId: ArticleId }), response: answers<CapturedArticle>() },
} as const satisfies Record<string, MessageSpec>;
