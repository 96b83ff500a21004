/**
 * Every identifier in one document: names declared in its front matter, speaker labels that are
 * names, names in running text, and the patterned identifiers (e-mail, phone, postcode, BSN, street
 * and house number) anywhere in the file. Overlaps are settled for the longest (then earliest) find.
 */
import type { Document } from '../ingest/document.js';
import { parseFrontMatter } from '../ingest/front-matter.js';
import { matchSpeaker } from '../ingest/speakers.js';
import { findAddresses } from './address.js';
import { findBsns } from './bsn.js';
import { frontMatterNames, isNameLabel } from './declared.js';
import { findEmails } from './email.js';
import type { Found } from './kinds.js';
import { findNames } from './names.js';
import { findPhones } from './phone.js';
import { findPostcodes } from './postcode.js';

/** The patterned identifiers of a text, in order, without overlaps. */
export function findPatterned(text: string): Found[] {
  return settle([...findEmails(text), ...findAddresses(text), ...findPhones(text), ...findBsns(text), ...findPostcodes(text)]);
}

/** Names the front matter declares (name keys and speaker labels that are names). */
export function declaredNames(document: Document, firstNames: ReadonlySet<string>): string[] {
  const data = parseFrontMatter(document.text).frontMatter.data;
  const labels = [...document.speakers].filter(([label, role]) => isNameLabel(label, role, firstNames)).map(([label]) => label);
  return [...frontMatterNames(data), ...labels];
}

/** Identifiers found in a document's text, in order, without overlaps. */
export function detectDocument(document: Document, firstNames: ReadonlySet<string>): Found[] {
  const { text, bodyStart } = document;
  const found: Found[] = [...findPatterned(text), ...findNames(text, firstNames, bodyStart)];
  for (const label of speakerLabels(text, bodyStart, document.speakers)) {
    if (isNameLabel(label.text, document.speakers.get(label.text), firstNames)) found.push(label);
  }
  return settle(found);
}

/** Speaker labels of the body, where they stand (see ingest/speakers.ts for the forms). */
export function speakerLabels(text: string, bodyStart: number, declared: ReadonlyMap<string, string>): Found[] {
  const out: Found[] = [];
  const lines = /[^\r\n]*/gy;
  lines.lastIndex = bodyStart;
  while (lines.lastIndex < text.length) {
    const start = lines.lastIndex;
    const line = lines.exec(text)![0];
    const label = matchSpeaker(line, declared);
    if (label) {
      const at = line.lastIndexOf(label.label, label.contentStart);
      if (at >= 0) out.push({ start: start + at, end: start + at + label.label.length, text: label.label, kind: 'name' });
    }
    lines.lastIndex = start + line.length;
    // Step over the line break (\r\n, \r or \n).
    if (text[lines.lastIndex] === '\r') lines.lastIndex++;
    if (text[lines.lastIndex] === '\n') lines.lastIndex++;
    if (line.length === 0 && lines.lastIndex === start) lines.lastIndex++;
  }
  return out;
}

/** Finds in text order; where two overlap, the longer one (then the earlier) stays. */
export function settle(found: Found[]): Found[] {
  const sorted = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Found[] = [];
  for (const f of sorted) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}
