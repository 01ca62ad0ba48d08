/**
 * Reading a failed call (a MessageError from ./messages/to-worker.ts) in the pages that tell the
 * user about it: its code, checked against the declared codes, and its message. Apart
 * from ./messages/to-worker.ts so the content script, which only sends, does not bundle the codes.
 */
import { MessageError } from './messages/to-worker';
import { ERROR_CODES, type ErrorCode } from './result';

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** The code of a failed call; anything not a declared code (or not a MessageError) is internal. */
export function failureCode(error: unknown): ErrorCode {
  return error instanceof MessageError && KNOWN_CODES.has(error.code) ? (error.code as ErrorCode) : 'internal';
}

/** A failed call's message without the message type it was prefixed with, for the user to read. */
export function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return error instanceof MessageError ? message.replace(/^[a-z]+\/[a-z-]+: /, '') : message;
}
