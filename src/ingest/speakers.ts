/**
 * Speaker labels at the start of a line, in the forms transcription tools and researchers write:
 *   **Name:** text     **Name**: text     Name: text
 *   [00:12:31] Name: text     Name (00:12:31): text     > Name: text
 * Time-stamped labels are unmistakable. Bold and plain labels are also how notes write "Let op:" or
 * "Besluit:", so when a document declares its `speakers` only the declared labels count, and
 * otherwise a label must look like a name and not be one of the usual note headings.
 */

export interface SpeakerLabel {
  /** The label as written, e.g. `I`, `Hatice`. */
  label: string;
  /** Offset within the line where the turn's text starts. */
  contentStart: number;
  /** The time stamp, when the label carries one. */
  time?: string;
}

/** Labels a document declares, mapped to their roles (`{ I: 'interviewer' }`). */
export type SpeakerMap = ReadonlyMap<string, string>;

const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}.'’\- ]{0,39}?`;
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const BOLD = new RegExp(String.raw`^\*\*(${NAME})\s*(?::\*\*|\*\*\s*:)[ \t]*`, 'u');
const STAMP_FIRST = new RegExp(String.raw`^\[(${TIME})\][ \t]*(?:\*\*)?(${NAME})\s*(?::\*\*|\*\*\s*:|:)[ \t]*`, 'u');
const STAMP_AFTER = new RegExp(String.raw`^(?:\*\*)?(${NAME})[ \t]*\((${TIME})\)\s*(?::\*\*|\*\*\s*:|:)[ \t]*`, 'u');
const PLAIN = new RegExp(String.raw`^(${NAME}):(?:[ \t]+|$)`, 'u');
const QUOTE = /^ {0,3}>[ \t]?/;

/** Words that end in a colon in notes without naming a speaker. */
const NOT_NAMES = new Set(
  (
    'let op,noot,nb,n.b.,opmerking,opmerkingen,conclusie,conclusies,besluit,besluiten,actie,acties,actiepunt,' +
    'actiepunten,afspraak,afspraken,aanwezig,afwezig,afgemeld,datum,tijd,locatie,plaats,agenda,notulist,' +
    'onderwerp,samenvatting,toelichting,tip,tips,voorbeeld,bijvoorbeeld,doel,doelen,resultaat,bron,zie,update,' +
    'status,wie,wat,waar,wanneer,hoe,waarom,vervolg,volgende keer,stand van zaken,vraag,vragen,thema,ps,p.s.,' +
    'note,notes,action,actions,decision,decisions,present,apologies,date,time,location,summary,example,' +
    'source,see,topic,todo,next steps,outcome,goal,aim'
  ).split(','),
);

/** Lower-case words inside names. */
export const PARTICLES = new Set(['de', 'van', 'der', 'den', 'ten', 'ter', 'te', 'la', 'le', 'el', 'al', 'bin', 'ben', 'von', 'da', 'di', 'du']);

/**
 * The speaker label a line starts with, if any. `line` is the line without its line break.
 */
export function matchSpeaker(line: string, declared: SpeakerMap): SpeakerLabel | undefined {
  // Every form of label ends in a colon (a time stamp holds one too): a line without one has none.
  if (line.indexOf(':') < 0) return undefined;
  const quote = QUOTE.exec(line);
  const skip = quote ? quote[0].length : 0;
  const rest = skip ? line.slice(skip) : line;

  let m = STAMP_FIRST.exec(rest);
  if (m) return { label: m[2].trim(), time: m[1], contentStart: skip + m[0].length };
  m = STAMP_AFTER.exec(rest);
  if (m) return { label: m[1].trim(), time: m[2], contentStart: skip + m[0].length };

  m = BOLD.exec(rest) ?? PLAIN.exec(rest);
  if (!m) return undefined;
  const label = m[1].trim();
  // An undeclared label alone on its line ("Knelpunten:") heads a list; it does not open a turn.
  const alone = skip + m[0].length >= line.trimEnd().length;
  if (!isSpeaker(label, declared) || (alone && declared.size === 0 && !CONVENTIONAL_ROLES[label.toLowerCase()])) return undefined;
  return { label, contentStart: skip + m[0].length };
}

function isSpeaker(label: string, declared: SpeakerMap): boolean {
  if (declared.size > 0) return declared.has(label) || [...declared.values()].includes(label.toLowerCase());
  const lower = label.toLowerCase();
  if (NOT_NAMES.has(lower) || /punt(en)?$/.test(lower)) return false;
  // A name has at most three words, each capitalised but for particles: "Mw. de Vries", not "Toen zei ze".
  const words = label.split(/\s+/);
  return words.length <= 3 && /^\p{Lu}/u.test(label) && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || PARTICLES.has(w));
}

/** Labels whose role is clear without a declaration, as transcripts conventionally write them. */
const CONVENTIONAL_ROLES: Record<string, string> = {
  i: 'interviewer',
  int: 'interviewer',
  interviewer: 'interviewer',
  interviewster: 'interviewer',
  r: 'respondent',
  resp: 'respondent',
  respondent: 'respondent',
};

/** The role of a label: the declared role, a declared role named as label, or the convention for I and R. */
export function speakerRole(label: string, declared: SpeakerMap): string | undefined {
  const role = declared.get(label);
  if (role !== undefined) return role;
  for (const value of declared.values()) if (value === label.toLowerCase()) return value;
  return declared.size === 0 ? CONVENTIONAL_ROLES[label.toLowerCase()] : undefined;
}
