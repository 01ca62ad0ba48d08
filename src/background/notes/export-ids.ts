/**
 * Annotation ids that are real UUID URNs (RFC 9562), also for records whose ids are not
 * UUIDs (imported with other ids, or made before ids were UUIDs): such an id is named by a
 * version 8 ("custom") UUID computed from the article and the record's id, so the same
 * record has the same annotation id in every export, and importing that export finds the
 * record again (see `exportedIds`).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}

const FNV_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV_PRIME = 0x0000000001000000000000000000013bn;
const MASK_128 = (1n << 128n) - 1n;

/** 128-bit FNV-1a of the UTF-8 bytes of `text`: stable, fast, and spread well enough for ids. */
function fnv1a128(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_128;
  }
  return hash;
}

/** A version 8 UUID named by `name` (the same name, the same UUID). */
export function nameUuid(name: string): string {
  const hex = fnv1a128(name).toString(16).padStart(32, '0').split('');
  hex[12] = '8'; // version 8
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16); // variant 10xx
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The UUID a highlight (or conflict copy) is exported under. */
export function recordUuid(articleId: string, id: string): string {
  return isUuid(id) ? id.toLowerCase() : nameUuid(`backstory:${articleId}:${id}`);
}

/** The UUID an article's note is exported under. */
export function noteUuid(articleId: string): string {
  return nameUuid(`backstory:note:${articleId}`);
}

/** Exported UUID → the stored id it names, for the highlights of one article (an import finds its own records again). */
export function exportedIds(articleId: string, ids: readonly string[]): Map<string, string> {
  return new Map(ids.map((id) => [recordUuid(articleId, id), id]));
}
