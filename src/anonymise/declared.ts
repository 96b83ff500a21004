/**
 * Names people declared: speaker labels of the front matter that are names, the values of name
 * keys (`respondent`, `respondents`, `interviewer`, ...), and `names:` in qda.yaml. A declared name
 * of several words also stands for its first word and for the rest ("Hatice Yilmaz": "Hatice",
 * "Yilmaz"; "Jan de Vries": "Jan", "de Vries"), so that a later "mevrouw Yilmaz" is found too.
 */
import { PARTICLES } from '../ingest/speakers.js';

/** Front-matter keys whose values are the names of people. */
export const NAME_KEYS = ['respondent', 'respondents', 'interviewer', 'interviewers', 'participant', 'participants', 'names'];

/** Speaker labels that stand for a role, not a person. */
const ROLE_LABELS = new Set(['i', 'int', 'interviewer', 'interviewster', 'r', 'resp', 'respondent', 'moderator', 'spreker', 'speaker']);

/** Names in the front matter's name keys: text values that start with a capital. */
export function frontMatterNames(data: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of NAME_KEYS) {
    const value = data[key];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && /^\p{Lu}/u.test(v.trim())) out.push(v.trim());
    }
  }
  return out;
}

/**
 * Whether a speaker label names a person: its first word is a known first name, or it has two or
 * more capitalised words ("Hatice Yilmaz", "Mw. de Vries"); a label that is its own role
 * (`Kindcoach: kindcoach`), a role label (I, R, Interviewer) or holds a digit ("Spreker 2") does not.
 */
export function isNameLabel(label: string, role: string | undefined, firstNames: ReadonlySet<string>): boolean {
  const lower = label.toLowerCase();
  if (ROLE_LABELS.has(lower) || lower === role || /\d/.test(label) || label.length < 2) return false;
  const words = label.split(/\s+/);
  if (firstNames.has(words[0]) || firstNames.has(words[0].split('-')[0])) return true;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  return capitalised.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w));
}

/** The parts a declared name also stands for: its first word and the rest, when it has several words. */
export function nameParts(name: string): string[] {
  const words = name.split(/\s+/);
  if (words.length < 2) return [];
  const first = words[0].replace(/\.$/, '');
  const rest = words.slice(1).join(' ');
  const parts: string[] = [];
  // A title ("Mw.") or particle is no name by itself.
  if (first.length > 1 && !/\.$/.test(words[0]) && !PARTICLES.has(first.toLowerCase())) parts.push(first);
  if (!PARTICLES.has(rest.toLowerCase()) && /\p{Lu}/u.test(rest)) parts.push(rest);
  return parts;
}
