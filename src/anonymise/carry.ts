/**
 * Carrying hand-made codings to the transformed corpus. An anchor is a hash of its paragraph's text,
 * so it changes with the text; the transformation keeps every paragraph where it was (it replaces
 * words inside lines, never lines), so the k-th paragraph before is the k-th after, and its anchor
 * is recomputed from the new text.
 */
import { segmentDocument, type Document } from '../ingest/document.js';
import { anchorOf } from '../manual/anchor.js';

/** Old anchor → new anchor and new paragraph text, for one document; undefined when its paragraphs moved. */
export interface CarriedAnchors {
  id: string;
  anchors: Map<string, { anchor: string; text: string }>;
}

export function carryAnchors(before: Document, after: Document): CarriedAnchors | undefined {
  const old = paragraphs(before);
  const now = paragraphs(after);
  if (old.length !== now.length) return undefined;
  const anchors = new Map<string, { anchor: string; text: string }>();
  old.forEach((text, i) => {
    const anchor = anchorOf(text);
    if (!anchors.has(anchor)) anchors.set(anchor, { anchor: anchorOf(now[i]), text: now[i] });
  });
  return { id: after.id, anchors };
}

function paragraphs(document: Document): string[] {
  return segmentDocument(document, 'paragraph').flatMap((s) => s.paragraphs.map((p) => document.text.slice(p.range.start, p.range.end)));
}
