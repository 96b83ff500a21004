/**
 * GUIDs for REFI-QDA: deterministic, derived from a kind and a key with a UUID v5-style SHA-1 hash,
 * so that the same project always exports the same bytes. Comparison is lenient as producers differ:
 * braces stripped, case ignored.
 */
import { createHash } from 'node:crypto';

/** A fixed namespace for qda's names (itself a random UUID, chosen once). */
const NAMESPACE = '6f1c2a8e-3b4d-4e5f-9a0b-1c2d3e4f5a6b';

/** A version-5 UUID (lower case, no braces) for `key` of a kind of thing (`code`, `source`, …). */
export function guidFor(kind: string, key: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(`${kind}\u0000${key}`, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The form GUIDs are compared in: lower case, without braces or surrounding white space. */
export function normaliseGuid(guid: string | undefined): string {
  return (guid ?? '')
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}
