/**
 * Whether a segment says something, or is the furniture of a text: a title or short list item, a
 * caption or source line, a line of a table of contents, a reference, a table. Such segments are
 * not auto-coded by default: their words name topics without saying anything about them.
 */
import type { Segment } from '../ingest/document.js';
import { countWords } from '../match/words.js';

export type Furniture = 'fragment' | 'caption' | 'contents' | 'reference' | 'table';

/** At most this many words without closing punctuation, outside a speaker turn: a title or list entry. */
export const FRAGMENT_WORDS = 6;
/** A list item of at most this many words is an entry even when it ends in a full stop. */
export const ITEM_WORDS = 4;

const CLOSING = /[.!?…;:"'”’)]\s*$/u;
const CAPTION =
  /^(?:\*\*|_)?(?:(?:figuur|figure|fig\.|tabel|table|afbeelding|grafiek|kader|box|foto|photo|illustratie|illustration|bijlage|appendix)\s+[\dIVX]+[a-z]?(?:\.\d+)*\b|(?:bron|bronnen|source|sources|noot|note)\s*:)/iu;
/** A contents line: a title and a page number, joined by dot leaders or a tab, or after a section number. */
const CONTENTS_LEADERS = /\S.*?(?:\.{3,}|…+|(?:\s?·){3,}|\t)\s*\d{1,4}\s*$/u;
const CONTENTS_NUMBERED = /^\d{1,2}(?:\.\d{1,2})*\.?\s+[^.!?]{1,100}?\s+\d{1,4}\s*$/u;
/** A reference: "Surname, A. (2012)", "Surname, A. B., & Other, C. 2012.", or a DOI. */
const REFERENCE = /^(?:\[\d+\]\s*)?[\p{Lu}][\p{L}'’-]+(?:\s[\p{L}'’-]+){0,3},\s(?:\p{Lu}\.\s?){1,4}.*?\(?(?:1[89]|20)\d{2}[a-z]?\)?[.,]/u;
const DOI = /\bdoi(?::|\.org\/)\s*10\.\d{4,}/iu;
/**
 * Every line DOI matches holds these three letters in some case (under the `iu` flags only D, O and
 * I fold to them, and `/i` without `u` takes at least those): the cheaper test runs first, on every
 * first line of prose that is no reference.
 */
const DOI_LETTERS = /doi/i;
const TABLE_ROW = /^\s*\|.*\|\s*$/;

/** Longer lines are prose: the line tests below are not even tried on them, which keeps them linear. */
const MAX_LINE = 400;

/** What kind of furniture a segment is, or undefined for a statement. */
export function furniture(segment: Pick<Segment, 'text' | 'speaker'> & { list?: boolean }): Furniture | undefined {
  const lines = segment.text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return 'fragment';
  if (lines.some((l) => l.length > MAX_LINE)) return undefined;
  if (lines.every((l) => TABLE_ROW.test(l))) return 'table';
  if (lines.every((l) => endsInDigit(l) && (CONTENTS_LEADERS.test(l) || CONTENTS_NUMBERED.test(l)))) return 'contents';
  if (lines.every((l) => REFERENCE.test(l.trim()) || (DOI_LETTERS.test(l) && DOI.test(l)))) return 'reference';
  const text = segment.text.trim();
  if (CAPTION.test(text) && !/[.!?]\s+\p{Lu}.*[.!?]\s+\p{Lu}/u.test(text)) return 'caption';
  if (!segment.list && segment.speaker !== undefined) return undefined;
  const words = countWords(text);
  if (segment.list && words <= ITEM_WORDS) return 'fragment';
  if (segment.speaker === undefined && words <= FRAGMENT_WORDS && !CLOSING.test(text)) return 'fragment';
  return undefined;
}

/**
 * Both contents tests end in `\d{1,4}\s*$`: a line whose last non-space character is not a digit is
 * no contents line, and the costly searches are not run on it (most lines of prose).
 */
function endsInDigit(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && /\s/.test(line[i])) i--;
  const c = line.charCodeAt(i);
  return c >= 48 && c <= 57;
}
