/**
 * capture.js: the page script of "Archive this page". Not a content script of the
 * manifest: the worker injects it into the one tab the user acted on
 * (scripting.executeScript, isolated world), and it is its own bundle, apart from
 * content.js, which runs on every page of the archive's sites and must stay small.
 *
 * The build wraps it so the script's last expression is this function's answer, which
 * executeScript hands to the worker (scripts/build.ts: CAPTURE_SCRIPT); the worker
 * validates it, as the page is untrusted.
 */
import type { CaptureScriptReply } from '../../shared/captured-article';
import { captureDocument } from './extract';

export function captureThisPage(): CaptureScriptReply {
  return captureDocument(document, location.href, new Date());
}
