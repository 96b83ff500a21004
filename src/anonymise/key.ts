/**
 * The key: which original became which pseudonym (a CSV of original, pseudonym, kind). Pseudonyms
 * are numbered per kind in the order identifiers are first met (`[Persoon 1]`, `[Persoon 2]`); the
 * parts of a name take its number with the part's ("Hatice" of "Hatice Yilmaz" = `[Persoon 1.1]`).
 * An existing key is kept and extended, so a name keeps its pseudonym from one run to the next.
 */
import { papa } from '../io/papaparse.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { csvLines } from '../formatters/csv.js';
import { nameParts } from './declared.js';
import { bare, KINDS, pseudonymLabel, type Kind } from './kinds.js';

export interface KeyEntry {
  original: string;
  pseudonym: string;
  kind: Kind;
}

export const KEY_COLUMNS = ['original', 'pseudonym', 'kind'] as const;

export class Key {
  readonly entries: KeyEntry[] = [];
  private readonly byOriginal = new Map<string, KeyEntry>();
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  /**
   * `language` chooses the pseudonym words; `inUse` are pseudonyms (without brackets) the corpus
   * already holds as text, which are never given out, so that restoring stays exact.
   */
  constructor(
    private readonly language: string,
    private readonly inUse: ReadonlySet<string> = new Set(),
    existing: KeyEntry[] = [],
  ) {
    for (const e of existing) this.put(e);
  }

  get(original: string): KeyEntry | undefined {
    return this.byOriginal.get(original);
  }

  /**
   * The entry of an original, made when it is new: a user's pseudonym, or the next free number. A
   * declared name also brings in its parts (first word and the rest); a found one only its first
   * word, since what a detector took for a surname may be an organisation ("Esther van Buurtkracht").
   */
  add(original: string, kind: Kind, chosen?: string, declared = true): KeyEntry {
    const known = this.byOriginal.get(original);
    if (known) return known;
    const entry = { original, kind, pseudonym: chosen ?? this.fresh(kind) };
    this.put(entry);
    if (kind === 'name' && chosen === undefined) {
      const number = /(\d+)\]$/.exec(entry.pseudonym)?.[1];
      nameParts(original).forEach((part, i) => {
        if (!declared && (i > 0 || part !== original.split(/\s+/)[0])) return;
        if (!this.byOriginal.has(part)) this.put({ original: part, kind, pseudonym: this.partName(number, i + 1) });
      });
    }
    return entry;
  }

  private fresh(kind: Kind): string {
    const label = pseudonymLabel(kind, this.language);
    let n = this.next.get(label) ?? 1;
    while (this.taken.has(`${label} ${n}`) || this.inUse.has(`${label} ${n}`)) n++;
    this.next.set(label, n + 1);
    return `[${label} ${n}]`;
  }

  private partName(number: string | undefined, part: number): string {
    const label = pseudonymLabel('name', this.language);
    const name = `${label} ${number}.${part}`;
    // A part of a name numbered by hand, or a part pseudonym the corpus already holds, gets a number of its own.
    if (number === undefined || this.taken.has(name) || this.inUse.has(name)) return this.fresh('name');
    return `[${name}]`;
  }

  private put(entry: KeyEntry): void {
    this.entries.push(entry);
    this.byOriginal.set(entry.original, entry);
    this.taken.add(bare(entry.pseudonym));
    // Numbers go on after the highest one already given.
    const m = /^(.*) (\d+)$/.exec(bare(entry.pseudonym));
    if (m) this.next.set(m[1], Math.max(this.next.get(m[1]) ?? 1, Number(m[2]) + 1));
  }
}

export function keyCsv(entries: KeyEntry[]): string {
  return csvLines([[...KEY_COLUMNS], ...entries.map((e) => [e.original, e.pseudonym, e.kind])]);
}

/** A key file: its rows, and a diagnostic for each bad one (file and line). */
export function parseKey(path: string, text: string): { entries: KeyEntry[]; diagnostics: Diagnostic[] } {
  const parsed = papa().parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const diagnostics: Diagnostic[] = [];
  const [header = [], ...rows] = parsed.data;
  if (KEY_COLUMNS.some((c, i) => header[i]?.trim() !== c)) {
    diagnostics.push(
      diagnostic(
        'error',
        path,
        'key/columns',
        'not a key file of qda anonymise',
        { line: 1, column: 1 },
        `its first line must be ${KEY_COLUMNS.join(',')}`,
      ),
    );
    return { entries: [], diagnostics };
  }
  const entries: KeyEntry[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = i + 2;
    // csvLines put a ' before cells a spreadsheet would run as formulas (+31 6 ...): take it off again.
    const [original, pseudonym, kind] = row.map((c) => c.replace(/^'(?=[=+\-@\t\r])/, ''));
    const bad = (message: string, hint?: string) => diagnostics.push(diagnostic('error', path, 'key/row', message, { line, column: 1 }, hint));
    if (!original || !pseudonym) return bad('a row needs an original and a pseudonym');
    if (!KINDS.includes(kind as Kind)) return bad(`kind "${kind ?? ''}" is not known`, `use one of: ${KINDS.join(', ')}`);
    // `[Persoon 1]` and `Persoon 1` are one pseudonym: it is written without brackets in front matter.
    const first = seen.get(bare(pseudonym));
    if (first !== undefined) return bad(`pseudonym "${pseudonym}" is also given on line ${first}`, 'each original needs a pseudonym of its own');
    seen.set(bare(pseudonym), line);
    entries.push({ original, pseudonym, kind: kind as Kind });
  });
  return { entries, diagnostics };
}
