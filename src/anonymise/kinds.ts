/**
 * What `qda anonymise` looks for, and how a found identifier is named in the pseudonymised text.
 */

export type Kind = 'name' | 'email' | 'phone' | 'postcode' | 'bsn' | 'address';

export const KINDS: readonly Kind[] = ['name', 'email', 'phone', 'postcode', 'bsn', 'address'];

/** An identifier found in a text: 0-based [start, end) offsets into that text. */
export interface Found {
  start: number;
  end: number;
  text: string;
  kind: Kind;
}

/** The word of a pseudonym, per language: `[Persoon 3]`, `[e-mail 1]`. */
const LABELS: Record<string, Record<Kind, string>> = {
  nl: { name: 'Persoon', email: 'e-mail', phone: 'telefoon', postcode: 'postcode', bsn: 'BSN', address: 'adres' },
  en: { name: 'Person', email: 'email', phone: 'phone', postcode: 'postcode', bsn: 'BSN', address: 'address' },
};

export function pseudonymLabel(kind: Kind, language: string): string {
  return (LABELS[language] ?? LABELS.nl)[kind];
}

/** Every label of every language, for finding pseudonym-like text already in a corpus. */
export const ALL_LABELS: string[] = [...new Set(Object.values(LABELS).flatMap((l) => Object.values(l)))];

/** A pseudonym without its brackets, as it is written where brackets would change the meaning. */
export function bare(pseudonym: string): string {
  return /^\[[^\]]+\]$/.test(pseudonym) ? pseudonym.slice(1, -1) : pseudonym;
}

/** A letter or digit: what may not stand right before or after a replaced identifier. */
export function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  // ASCII, most of any text, without a regular expression.
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return /[\p{L}\p{N}]/u.test(c);
}

/** Matches of a global regular expression as Found values of one kind. */
export function foundAll(text: string, pattern: RegExp, kind: Kind, accept: (match: string) => boolean = () => true): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(pattern)) {
    if (accept(m[0])) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], kind });
  }
  return out;
}
