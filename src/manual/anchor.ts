/**
 * Anchors: how a hand-made coding finds its paragraph again. An anchor is a hash of the paragraph's
 * text with white space collapsed, so it survives edits anywhere else in the file (lines shifting,
 * front matter changing, paragraphs added) and stops matching when the paragraph itself changes, which
 * `qda check` then reports instead of moving the coding silently.
 */
import { createHash } from 'node:crypto';

/** The text an anchor is computed from: white space collapsed, trimmed. */
export function anchorText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `p-` and the first 10 hex digits of the SHA-1 of the paragraph's collapsed text. */
export function anchorOf(text: string): string {
  return `p-${createHash('sha1').update(anchorText(text)).digest('hex').slice(0, 10)}`;
}
