/**
 * The term audit: what each codebook term actually matched in a corpus, how much of the corpus each
 * code takes, and the terms a researcher should look at — topic words that fire nearly everywhere,
 * and wildcard or stem matches that look like other words. Built from the auto coder's evidence, so
 * that it describes exactly the matching the other commands use.
 */
import type { Codebook } from '../codebook/types.js';
import type { Coding } from '../coding/coding.js';
import { distance } from '../codebook/suggest.js';
import { fold } from '../match/tokens.js';
import type { Stemmer } from '../match/stem.js';
import { parseTerm } from '../match/term.js';

export interface AuditOptions {
  /** A term that fires in more than this share of the segments is a topic word. */
  topicShare: number;
  /** Stemmer of the codebook language, to tell inflections from other words. */
  stem: Stemmer;
  /** Whether a folded word is an everyday word: one of the background prose of the codebook language. */
  everyday?: (form: string) => boolean;
}

export interface FormAudit {
  /** The matched word(s), folded. */
  form: string;
  /** Matches of this form. */
  count: number;
  /** Segments the form matched in. */
  segments: number;
  /** Of those, segments where it was the code's only evidence. */
  alone: number;
  /** Why the form may be another word than the term means; empty when it looks related. */
  suspect: string[];
}

export type TermFlag = 'topic' | 'collision';

export interface TermAudit {
  term: string;
  kind: string;
  segments: number;
  share: number;
  matches: number;
  forms: FormAudit[];
  flags: TermFlag[];
}

export interface CodeAudit {
  id: string;
  segments: number;
  share: number;
  documents: number;
  terms: TermAudit[];
}

export interface CodebookAudit {
  segments: number;
  documents: number;
  topicShare: number;
  codes: CodeAudit[];
}

interface FormTally {
  count: number;
  segments: number;
  alone: number;
}

interface TermTally {
  kind: string;
  segments: number;
  matches: number;
  forms: Map<string, FormTally>;
}

interface CodeTally {
  segments: number;
  documents: Set<string>;
  terms: Map<string, TermTally>;
}

/** Collects the auto codings of a corpus, one segment at a time, and then judges the terms. */
export class AuditBuilder {
  private segments = 0;
  private readonly documents = new Set<string>();
  private readonly codes = new Map<string, CodeTally>();

  constructor(
    private readonly codebook: Codebook,
    private readonly options: AuditOptions,
  ) {}

  /** The auto codings of one segment (empty for a segment nothing matched). */
  addSegment(documentId: string, codings: readonly Coding[]): void {
    this.segments++;
    this.documents.add(documentId);
    for (const coding of codings) {
      if (coding.source !== 'auto') continue;
      const code = this.tally(coding.code);
      code.segments++;
      code.documents.add(documentId);
      const formsHere = new Set(coding.evidence.map((e) => `${e.term}\u0000${folded(e.text)}`));
      const single = new Set(coding.evidence.map((e) => folded(e.text))).size === 1;
      const termsHere = new Set<string>();
      for (const e of coding.evidence) {
        let term = code.terms.get(e.term);
        if (!term) code.terms.set(e.term, (term = { kind: e.kind, segments: 0, matches: 0, forms: new Map() }));
        term.matches++;
        const form = folded(e.text);
        let f = term.forms.get(form);
        if (!f) term.forms.set(form, (f = { count: 0, segments: 0, alone: 0 }));
        f.count++;
        const key = `${e.term}\u0000${form}`;
        if (formsHere.delete(key)) {
          f.segments++;
          if (single) f.alone++;
        }
        if (!termsHere.has(e.term)) {
          termsHere.add(e.term);
          term.segments++;
        }
      }
    }
  }

  result(): CodebookAudit {
    const share = (n: number) => (this.segments === 0 ? 0 : n / this.segments);
    const codes: CodeAudit[] = this.codebook.codes.map((code) => {
      const tally = this.codes.get(code.id);
      const terms = [...(tally?.terms ?? new Map<string, TermTally>())]
        .map(([term, t]) => this.judge(term, t, share(t.segments)))
        .sort((a, b) => b.segments - a.segments || b.matches - a.matches || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
      return { id: code.id, segments: tally?.segments ?? 0, share: share(tally?.segments ?? 0), documents: tally?.documents.size ?? 0, terms };
    });
    return { segments: this.segments, documents: this.documents.size, topicShare: this.options.topicShare, codes };
  }

  private tally(id: string): CodeTally {
    let t = this.codes.get(id);
    if (!t) this.codes.set(id, (t = { segments: 0, documents: new Set(), terms: new Map() }));
    return t;
  }

  private judge(term: string, t: TermTally, share: number): TermAudit {
    const forms = [...t.forms]
      .map(([form, f]) => ({ form, ...f, suspect: suspicions(term, t.kind, form, f, this.options) }))
      .sort((a, b) => b.count - a.count || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
    const flags: TermFlag[] = [];
    if (share > this.options.topicShare) flags.push('topic');
    if (forms.some((f) => f.suspect.length > 0)) flags.push('collision');
    return { term, kind: t.kind, segments: t.segments, share, matches: t.matches, forms, flags };
  }
}

/**
 * Reasons to think a matched word is not what the term means. Only words that are not an inflection
 * of the term are judged: a compound or derivation that a wildcard or a short stem let in. The signs:
 * the word is far from the term in spelling, it is an everyday word of the background prose, or it
 * stands alone (in most of its segments nothing else spoke for the code). Each sign alone is common
 * among good matches (compounds are long; one good word is often all a paragraph has), so a word is
 * suspect only when two signs meet.
 */
export function suspicions(term: string, kind: string, form: string, tally: FormTally, options: AuditOptions): string[] {
  if (kind === 'pattern' || kind === 'phrase') return [];
  const core = parseTerm(term).words[0]?.text;
  if (!core || related(form, core, kind, options.stem)) return [];
  const reasons: string[] = [];
  const far = distance(form, core) / Math.max(form.length, core.length);
  if (kind === 'stem' ? far >= 0.3 : far >= 0.6) reasons.push('spelling');
  if (options.everyday?.(form)) reasons.push('everyday word');
  if (tally.segments >= 2 && tally.alone / tally.segments >= 0.75) reasons.push('stands alone');
  return reasons.length >= 2 ? reasons : [];
}

/** An inflection or a plain compound head of the term: the word and the term share their stem. */
function related(form: string, core: string, kind: string, stem: Stemmer): boolean {
  if (form === core) return true;
  const a = stem(form);
  const b = stem(core);
  if (a === b) return true;
  if (kind === 'stem') return false;
  // prefix terms: the word is the term plus an ending (rol* → rollen); suffix: a word ending in it.
  if (kind === 'prefix') return form.startsWith(core) && form.length - core.length <= 3;
  if (kind === 'suffix') return a.endsWith(b) && form.length - core.length <= 3;
  return false;
}

function folded(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => fold(w))
    .join(' ');
}
