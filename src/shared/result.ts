/** What crosses a context boundary instead of a thrown error (errors do not serialize). */

/**
 * Why a request failed, as a code the receiver can act on (the popup and sidebar choose
 * their words from it; nobody reads meaning out of the message text).
 */
export const ERROR_CODES = [
  /** No such message type in this build. */
  'unknown-message',
  /** The sender may not send this message (or this sidebar may not address that article). */
  'forbidden',
  /** The payload failed its schema. */
  'invalid-request',
  /** The page or article is not in the archive. */
  'not-archived',
  /** The thing addressed (a highlight, a record) does not exist. */
  'not-found',
  /** The tab's content script did not answer (the page was loaded before Backstory, or is gone). */
  'tab-unreachable',
  /** A page being archived did not give a usable answer: too slow, malformed, or it moved meanwhile (the message says which). */
  'page-unreadable',
  /** The browser refused the write because its storage is full. */
  'storage-full',
  /** Storage failed in another way. */
  'storage-failed',
  /** A backup file that cannot be imported. */
  'invalid-import',
  /** The worker did not answer at all (caller side only). */
  'worker-unreachable',
  /** Anything else: a bug. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure with its code, thrown where the code is known and carried as `{ code, error }`. */
export class CodedError extends Error {
  override name = 'CodedError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; error: string };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Browsers report a full storage only in the message: Chromium "QUOTA_BYTES quota exceeded", Firefox "QuotaExceededError". */
const QUOTA_MESSAGE = /quota/i;

/** The code of any thrown value: its own when it has one, storage-full for a quota error, else internal. */
export function errorCode(error: unknown): ErrorCode {
  if (error instanceof CodedError) return error.code;
  if (error instanceof Error && (error.name === 'QuotaExceededError' || QUOTA_MESSAGE.test(error.message))) return 'storage-full';
  return 'internal';
}

export function failure<T = never>(error: unknown, code: ErrorCode = errorCode(error)): Result<T> {
  return { ok: false, code, error: error instanceof Error ? error.message : String(error) };
}
