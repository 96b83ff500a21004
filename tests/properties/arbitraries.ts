/**
 * fast-check arbitraries for realistic markdown transcripts: optional front matter, headings,
 * speaker labels in every form qda reads, list items, block quotes, blank lines, Dutch words with
 * accents and emoji, LF / CRLF / mixed line endings, optional BOM (for files).
 */
import fc from 'fast-check';

export const SMALL_BOOK = 'tests/fixtures/small-codebook.yaml';

const DUTCH = [
  'de',
  'het',
  'een',
  'en',
  'van',
  'wij',
  'ze',
  'niet',
  'maar',
  'ook',
  'dus',
  'wel',
  'heel',
  'veel',
  'ouders',
  'kinderen',
  'school',
  'wijk',
  'buurt',
  'wijkteam',
  'jeugdzorg',
  'gemeente',
  'gesprek',
  'zorg',
  'opvoeding',
  'afspraak',
  'vrijwilliger',
  'buurthuis',
  'Crooswijk',
  'Hillesluis',
  'Rotterdam',
  'financiële',
  'één',
  'geïnteresseerd',
  'coördinator',
  'café',
  'reünie',
  'privé',
  'ideeën',
  'zeeën',
  'naïef',
  'Ayşe',
  'Ümit',
  'façade',
  'Zoë',
  'hè',
  'nou',
  'eh',
  'ja',
  'nee',
  '2021',
  '14',
  'om',
  'de',
  'hoek',
];
/** Words the small codebook finds, so that segments get codes. */
const TERMS = [
  'samenwerking',
  'samenwerken',
  'korte lijnen',
  'appen',
  'de regie',
  'regievoering',
  'wachtlijst',
  'wachtlijsten',
  'vertrouwen',
  'rolstoel',
];
const EXTRA = ['😀', '👍🏽', '🇳🇱', '👨‍👩‍👧', 'e\u0301', '中文', '€5', '(lacht)', '"zo"', '‘echt’', 'bijv.', 'o.a.', 'J.', 'Dr.', 'enz.', '...', '–', '&'];

export const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...DUTCH) },
  { weight: 3, arbitrary: fc.constantFrom(...TERMS) },
  { weight: 2, arbitrary: fc.constantFrom(...EXTRA) },
);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Words joined by spaces (sometimes a no-break space or a comma), with a closing mark. */
export const sentence = fc
  .tuple(
    fc.array(fc.tuple(word, fc.constantFrom(' ', ' ', ' ', ' ', ', ', '\u00a0', '  ')), { minLength: 1, maxLength: 10 }),
    fc.constantFrom('.', '.', '?', '!', '…', '', '?!', '."'),
    fc.boolean(),
  )
  .map(([parts, end, cap]) => {
    const text = parts.map(([w, sep], i) => (i === parts.length - 1 ? w : w + sep)).join('');
    return (cap ? capitalise(text) : text) + end;
  });

export const sentences = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));

const LABELS = ['I', 'R', 'Interviewer', 'Hatice', 'Mw. de Vries', 'Youssef', 'Zoë'];
const TIMES = ['00:01:02', '12:31', '1:02:03', '00:00:05.250'];

export const speakerLine = fc
  .tuple(fc.constantFrom(...LABELS), fc.constantFrom(...TIMES), fc.integer({ min: 0, max: 5 }), sentences)
  .map(
    ([label, time, form, text]) =>
      [
        `**${label}:** ${text}`,
        `${label}: ${text}`,
        `[${time}] ${label}: ${text}`,
        `${label} (${time}): ${text}`,
        `> ${label}: ${text}`,
        `**${label}**: ${text}`,
      ][form],
  );

const headingLine = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(word, { minLength: 1, maxLength: 4 }))
  .map(([level, words]) => `${'#'.repeat(level)} ${capitalise(words.join(' '))}`);

const itemLine = fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '  - '), sentences).map(([m, t]) => m + t);
const quoteLine = sentences.map((t) => `> ${t}`);
const blankLine = fc.constantFrom('', '', '', '   ', '\t');
const plainLine = fc.tuple(fc.constantFrom('', '', '', '  ', ' '), sentences, fc.constantFrom('', '', ' ', '\t')).map(([a, t, b]) => a + t + b);
const otherLine = fc.constantFrom(
  '***',
  '<!-- pauze -->',
  'Besluit:',
  'Let op: de wachtlijst blijft.',
  '---',
  '===',
  '```',
  '## Kop ##',
  '#',
  '  R: ingesprongen',
  'R:',
  '**I:**',
);

export const bodyLine = fc.oneof(
  { weight: 4, arbitrary: speakerLine },
  { weight: 4, arbitrary: plainLine },
  { weight: 5, arbitrary: blankLine },
  { weight: 2, arbitrary: headingLine },
  { weight: 2, arbitrary: itemLine },
  { weight: 1, arbitrary: quoteLine },
  { weight: 1, arbitrary: otherLine },
);

export const DISTRICTS = ['Crooswijk', 'Hillesluis', 'Bospolder-Tussendijken', "'s-Gravenland", 'Feijenoord', 'crooswijk', 'Île-de-France', '3072'];

/** A district attribute: absent, one value, or a list (possibly with a repeat). */
export const district = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...DISTRICTS),
  fc.array(fc.constantFrom(...DISTRICTS), { minLength: 0, maxLength: 3 }),
);

export interface FrontMatterSpec {
  id?: string;
  district?: string | string[];
  role?: string;
  declareSpeakers: boolean;
  language?: string;
}

export const frontMatterSpec: fc.Arbitrary<FrontMatterSpec> = fc.record(
  {
    district,
    role: fc.constantFrom('gezinsondersteuner', 'kindcoach', 'wijkteam'),
    declareSpeakers: fc.boolean(),
    language: fc.constantFrom('nl', 'en'),
  },
  { requiredKeys: ['declareSpeakers'] },
);

export function frontMatterLines(fm: FrontMatterSpec): string[] {
  const lines = ['---'];
  if (fm.id !== undefined) lines.push(`id: ${JSON.stringify(fm.id)}`);
  if (fm.district !== undefined) lines.push(`district: ${JSON.stringify(fm.district)}`);
  if (fm.role !== undefined) lines.push(`role: ${fm.role}`);
  if (fm.language !== undefined) lines.push(`language: ${fm.language}`);
  lines.push('date: 2021-06-14');
  if (fm.declareSpeakers) lines.push('speakers: { I: interviewer, R: respondent, Hatice: sleutelpersoon, "Mw. de Vries": wijkteam }');
  lines.push('---');
  return lines;
}

export type Eol = 'lf' | 'crlf' | 'mixed';

export interface TranscriptSpec {
  frontMatter?: FrontMatterSpec;
  body: string[];
  eol: Eol;
  /** For mixed endings: per line break, CRLF or not. */
  crlf: boolean[];
  finalBreak: boolean;
  /** A blank line between the front matter and the body. */
  gap: boolean;
}

export const transcriptSpec: fc.Arbitrary<TranscriptSpec> = fc.record({
  frontMatter: fc.option(frontMatterSpec, { nil: undefined }),
  body: fc.array(bodyLine, { minLength: 0, maxLength: 25 }),
  eol: fc.constantFrom<Eol>('lf', 'crlf', 'mixed'),
  crlf: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
  finalBreak: fc.boolean(),
  gap: fc.boolean(),
});

/** The lines of a transcript, without line breaks. */
export function transcriptLines(spec: TranscriptSpec): string[] {
  const body = spec.frontMatter && spec.gap ? ['', ...spec.body] : [...spec.body];
  // Without front matter a body must not open with a `---` line (that would start front matter).
  if (!spec.frontMatter && body[0]?.startsWith('---')) body[0] = 'Begin.';
  return [...(spec.frontMatter ? frontMatterLines(spec.frontMatter) : []), ...body];
}

export function joinLines(lines: string[], eol: Eol, crlf: boolean[] = [], finalBreak = true): string {
  const br = (i: number) => (eol === 'lf' ? '\n' : eol === 'crlf' ? '\r\n' : crlf[i % crlf.length] ? '\r\n' : '\n');
  return lines.map((l, i) => l + (i < lines.length - 1 || finalBreak ? br(i) : '')).join('');
}

export function transcriptText(spec: TranscriptSpec, eol: Eol = spec.eol): string {
  return joinLines(transcriptLines(spec), eol, spec.crlf, spec.finalBreak);
}

/** 1-based line of a UTF-16 offset, counting \r\n, \n and a lone \r as one break. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** File names for a corpus: unique, sortable in surprising ways, sometimes in a subfolder. */
export const fileName = fc
  .tuple(
    fc.constantFrom('', '', '', 'sub/', 'Zuid/', 'a/b/'),
    fc.stringMatching(/^[a-z0-9ÀéëZ][a-z0-9éë_ -]{0,10}$/),
    fc.constantFrom('.md', '.md', '.markdown', '.txt'),
  )
  .map(([dir, base, ext]) => `${dir}${base.trimEnd()}${ext}`);

export interface CorpusSpec {
  /** File names, unique. */
  names: string[];
  /** Transcripts, one per name; each has front matter with a unique id. */
  docs: TranscriptSpec[];
  ids: string[];
  bom: boolean[];
  /** Two orders to create the files in, and a permutation of the names among the documents. */
  orderA: number[];
  orderB: number[];
  rename: number[];
}

export const corpusSpec: fc.Arbitrary<CorpusSpec> = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const indices = [...Array(n).keys()];
  const permutation = fc.shuffledSubarray(indices, { minLength: n, maxLength: n });
  return fc.record({
    names: fc.uniqueArray(fileName, { minLength: n, maxLength: n }),
    docs: fc.array(
      transcriptSpec.chain((spec) => frontMatterSpec.map((fm) => ({ ...spec, frontMatter: spec.frontMatter ?? fm }))),
      { minLength: n, maxLength: n },
    ),
    ids: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { minLength: n, maxLength: n }),
    bom: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    orderA: permutation,
    orderB: permutation,
    rename: permutation,
  });
});

/** The bytes of document i of a corpus. */
export function corpusFile(corpus: CorpusSpec, i: number): Buffer {
  const spec = { ...corpus.docs[i], frontMatter: { ...corpus.docs[i].frontMatter!, id: corpus.ids[i] } };
  const text = Buffer.from(transcriptText(spec), 'utf8');
  return corpus.bom[i] ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]) : text;
}
