import { describe, expect, test } from 'vitest';
import { loadDocument } from '../../src/corpus/load.js';
import { readDocument, segmentDocument, type Document, type Segment } from '../../src/ingest/document.js';
import { splitSentences } from '../../src/ingest/sentences.js';

const TRANSCRIPT = [
  '---', // 1
  'id: crooswijk-1', // 2
  'district: Crooswijk', // 3
  'speakers: { I: interviewer, R: respondent }', // 4
  '---', // 5
  '', // 6
  '# Kennismaking', // 7
  '', // 8
  '**I:** Hoe verloopt de samenwerking met het wijkteam?', // 9
  '', // 10
  '**R:** Dat wisselt. Soms gaat het goed, bijv. Crooswijk en o.a. Kralingen doen dat prima.', // 11
  'Dan bellen we met dr. P. Jansen, d.w.z. Jansen van het CJG.', // 12
  '', // 13
  'Maar vaak duurt het lang. Dat is lastig!', // 14
  '', // 15
  '## Wachtlijst', // 16
  '', // 17
  'I: En de wachtlijst?', // 18
  'R: Die is lang 😀 echt.', // 19
  '', // 20
  '- eerste punt', // 21
  '* tweede punt', // 22
  '', // 23
  '# Afsluiting', // 24
  '', // 25
  '**R:** Bedankt.', // 26
  '',
].join('\n');

const K = ['Kennismaking'];
const KW = ['Kennismaking', 'Wachtlijst'];
const A = ['Afsluiting'];

/** Same text with CRLF, or CRLF on every other line. */
const crlf = (s: string) => s.replace(/\n/g, '\r\n');
const mixed = (s: string) => s.split('\n').reduce((acc, line, i, all) => acc + line + (i === all.length - 1 ? '' : i % 2 ? '\r\n' : '\n'), '');
const norm = (s: string) => s.replace(/\r\n/g, '\n');

function segments(text: string, unit: 'paragraph' | 'turn' | 'sentence'): { document: Document; segments: Segment[] } {
  const { document, diagnostics } = readDocument('corpus/crooswijk-1.md', text);
  expect(diagnostics).toEqual([]);
  return { document, segments: segmentDocument(document, unit) };
}

function summary(list: Segment[]) {
  return list.map((s) => [s.ordinal, s.speaker, s.speakerRole, s.section, s.lines.start, s.lines.end, norm(s.text)]);
}

/** 1-based line of an offset, counted independently of LineIndex (LF, CRLF and lone CR each end a line). */
function lineOf(text: string, offset: number): number {
  const before = text.slice(0, offset);
  return (before.match(/\r\n|\r|\n/g) ?? []).length + 1;
}

describe('units on a small transcript', () => {
  test('paragraph', () => {
    const { segments: list } = segments(TRANSCRIPT, 'paragraph');
    expect(summary(list)).toEqual([
      [1, 'I', 'interviewer', K, 9, 9, 'Hoe verloopt de samenwerking met het wijkteam?'],
      [
        2,
        'R',
        'respondent',
        K,
        11,
        12,
        'Dat wisselt. Soms gaat het goed, bijv. Crooswijk en o.a. Kralingen doen dat prima.\nDan bellen we met dr. P. Jansen, d.w.z. Jansen van het CJG.',
      ],
      [3, 'R', 'respondent', K, 14, 14, 'Maar vaak duurt het lang. Dat is lastig!'],
      [4, 'I', 'interviewer', KW, 18, 18, 'En de wachtlijst?'],
      [5, 'R', 'respondent', KW, 19, 19, 'Die is lang 😀 echt.'],
      [6, 'R', 'respondent', KW, 21, 21, 'eerste punt'],
      [7, 'R', 'respondent', KW, 22, 22, 'tweede punt'],
      [8, 'R', 'respondent', A, 26, 26, 'Bedankt.'],
    ]);
    expect(list.every((s) => s.documentId === 'crooswijk-1')).toBe(true);
  });

  test('turn', () => {
    const { segments: list } = segments(TRANSCRIPT, 'turn');
    expect(list.map((s) => [s.ordinal, s.speaker, s.section, s.lines.start, s.lines.end])).toEqual([
      [1, 'I', K, 9, 9],
      [2, 'R', K, 11, 14],
      [3, 'I', KW, 18, 18],
      [4, 'R', KW, 19, 22],
      [5, 'R', A, 26, 26],
    ]);
    expect(list[1].text.startsWith('Dat wisselt.')).toBe(true);
    expect(list[1].text.endsWith('Dat is lastig!')).toBe(true);
    expect(list[3].text).toBe('Die is lang 😀 echt.\n\n- eerste punt\n* tweede punt');
  });

  test('sentence: abbreviations and initials stay inside one sentence', () => {
    const { segments: list } = segments(TRANSCRIPT, 'sentence');
    expect(list.map((s) => [s.ordinal, s.speaker, s.lines.start, s.lines.end, s.text])).toEqual([
      [1, 'I', 9, 9, 'Hoe verloopt de samenwerking met het wijkteam?'],
      [2, 'R', 11, 11, 'Dat wisselt.'],
      [3, 'R', 11, 11, 'Soms gaat het goed, bijv. Crooswijk en o.a. Kralingen doen dat prima.'],
      [4, 'R', 12, 12, 'Dan bellen we met dr. P. Jansen, d.w.z. Jansen van het CJG.'],
      [5, 'R', 14, 14, 'Maar vaak duurt het lang.'],
      [6, 'R', 14, 14, 'Dat is lastig!'],
      [7, 'I', 18, 18, 'En de wachtlijst?'],
      [8, 'R', 19, 19, 'Die is lang 😀 echt.'],
      [9, 'R', 21, 21, 'eerste punt'],
      [10, 'R', 22, 22, 'tweede punt'],
      [11, 'R', 26, 26, 'Bedankt.'],
    ]);
  });
});

describe('the position invariant on line-ending variants', () => {
  const variants: [string, () => { document: Document }][] = [
    ['LF', () => ({ document: readDocument('corpus/crooswijk-1.md', TRANSCRIPT).document })],
    ['CRLF', () => ({ document: readDocument('corpus/crooswijk-1.md', crlf(TRANSCRIPT)).document })],
    ['mixed LF/CRLF', () => ({ document: readDocument('corpus/crooswijk-1.md', mixed(TRANSCRIPT)).document })],
    [
      'BOM + CRLF bytes',
      () => {
        const r = loadDocument('corpus/crooswijk-1.md', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(crlf(TRANSCRIPT))]), 'utf-8');
        expect(r.diagnostics).toEqual([]);
        return { document: r.document! };
      },
    ],
    [
      'BOM + mixed bytes',
      () => {
        const r = loadDocument('corpus/crooswijk-1.md', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(mixed(TRANSCRIPT))]), 'utf-8');
        expect(r.diagnostics).toEqual([]);
        return { document: r.document! };
      },
    ],
  ];
  const cases = variants.flatMap(([name, make]) => (['paragraph', 'turn', 'sentence'] as const).map((unit) => [name, unit, make] as const));

  test.each(cases)('%s, %s: text is the slice of its range, lines are those of its first and last character', (_name, unit, make) => {
    const { document } = make();
    const list = segmentDocument(document, unit);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      expect(document.text.slice(s.range.start, s.range.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
      expect(s.text.length).toBeGreaterThan(0);
      expect(s.range.start).toBeGreaterThanOrEqual(document.bodyStart);
      expect(s.lines).toEqual({ start: lineOf(document.text, s.range.start), end: lineOf(document.text, s.range.end - 1) });
    }
    // Ordinals run 1..n in text order, ranges do not overlap.
    expect(list.map((s) => s.ordinal)).toEqual(list.map((_, i) => i + 1));
    for (let i = 1; i < list.length; i++) expect(list[i].range.start).toBeGreaterThanOrEqual(list[i - 1].range.end);
  });

  test.each(variants)('%s: lines, speakers, sections and texts agree with LF', (_name, make) => {
    const { document } = make();
    for (const unit of ['paragraph', 'turn', 'sentence'] as const) {
      expect(summary(segmentDocument(document, unit)), unit).toEqual(summary(segments(TRANSCRIPT, unit).segments));
    }
  });
});

describe('sections', () => {
  test('nested headings, skipped levels, a later # resets, closing hashes and setext headings', () => {
    const text = [
      'Voor de eerste kop.',
      '',
      '# Deel A',
      '',
      'Een.',
      '',
      '### Diep ###',
      '',
      'Twee.',
      '',
      '## Midden',
      '',
      'Drie.',
      '',
      '# Deel B',
      '',
      'Vier.',
      '',
      'Setext kop',
      '----------',
      '',
      'Vijf.',
      '',
      'Nieuwe titel',
      '============',
      '',
      'Zes.',
      '',
    ].join('\n');
    const { document } = readDocument('a.md', text);
    expect(segmentDocument(document, 'paragraph').map((s) => [s.text, s.section])).toEqual([
      ['Voor de eerste kop.', []],
      ['Een.', ['Deel A']],
      ['Twee.', ['Deel A', 'Diep']],
      ['Drie.', ['Deel A', 'Midden']],
      ['Vier.', ['Deel B']],
      ['Vijf.', ['Deel B', 'Setext kop']],
      ['Zes.', ['Nieuwe titel']],
    ]);
  });

  test('headings are not segments and a heading ends the turn', () => {
    const { document } = readDocument('a.md', 'R: Begin.\n\n## Thema\n\nGeen spreker meer.\n');
    expect(segmentDocument(document, 'turn').map((s) => [s.speaker, s.section, s.text])).toEqual([
      ['R', [], 'Begin.'],
      [undefined, ['Thema'], 'Geen spreker meer.'],
    ]);
  });
});

describe('list items', () => {
  test.each([
    ['dash', '- wachtlijst te lang'],
    ['star', '* wachtlijst te lang'],
    ['plus', '+ wachtlijst te lang'],
    ['number dot', '1. wachtlijst te lang'],
    ['number paren', '12) wachtlijst te lang'],
    ['indented', '   - wachtlijst te lang'],
  ])('%s item is a segment without its marker', (_name, line) => {
    const text = `Punten van aandacht.\n\n${line}\n${line.replace('wachtlijst te lang', 'geen regie')}\n`;
    const { document } = readDocument('a.md', text);
    const list = segmentDocument(document, 'paragraph');
    expect(list.map((s) => [s.text, s.lines.start])).toEqual([
      ['Punten van aandacht.', 1],
      ['wachtlijst te lang', 3],
      ['geen regie', 4],
    ]);
    for (const s of list) expect(document.text.slice(s.range.start, s.range.end)).toBe(s.text);
  });

  test('a lazy continuation line belongs to its item', () => {
    const { document } = readDocument('a.md', '- eerste punt\n  loopt door\n- tweede punt\n');
    expect(segmentDocument(document, 'paragraph').map((s) => [s.text, s.lines])).toEqual([
      ['eerste punt\n  loopt door', { start: 1, end: 2 }],
      ['tweede punt', { start: 3, end: 3 }],
    ]);
  });
});

describe('sentences', () => {
  const one = (s: string) => splitSentences(s, { start: 0, end: s.length }).map((r) => s.slice(r.start, r.end));

  test.each([
    ['bijv.', 'Er zijn problemen, bijv. Wachtlijsten bij de GGZ.'],
    ['o.a.', 'We spraken o.a. Hatice en Jan.'],
    ['d.w.z.', 'Het duurt lang, d.w.z. Zes weken of meer.'],
    ['i.p.v.', 'Zij belt i.p.v. De huisarts.'],
    ['dhr. and mevr.', 'We belden dhr. Bakker en mevr. Yilmaz.'],
    ['an initial', 'Volgens J. de Vries gaat het goed.'],
    ['two initials', 'Volgens A. B. Jansen gaat het goed.'],
    ['nr.', 'Dat staat in nr. 12 van het blad.'],
    ['a decimal', 'Het kost 3.5 miljoen per jaar.'],
    ['no space after the stop', 'Zie www.wijkteam.nl voor meer.'],
    ['lower case after the stop', 'Het ging goed. toen niet meer.'],
  ])('one sentence: %s', (_name, s) => {
    expect(one(s)).toEqual([s]);
  });

  test.each([
    ['full stops', 'Het werkt. Niet altijd.', ['Het werkt.', 'Niet altijd.']],
    ['question and exclamation', 'Echt? Ja! Zeker.', ['Echt?', 'Ja!', 'Zeker.']],
    ['ellipsis', 'Nou… Misschien.', ['Nou…', 'Misschien.']],
    ['three dots', 'Nou... Misschien.', ['Nou...', 'Misschien.']],
    ['digit after', 'Dat kost veel. 10 mensen kwamen.', ['Dat kost veel.', '10 mensen kwamen.']],
    ['quote after', 'Ze zei niets. "Waarom niet?" vroeg ik.', ['Ze zei niets.', '"Waarom niet?" vroeg ik.']],
    ['closing quote kept', 'Hij zei: "Klaar." Toen ging hij.', ['Hij zei: "Klaar."', 'Toen ging hij.']],
    ['across a line break', 'Eerste zin.\nTweede zin.', ['Eerste zin.', 'Tweede zin.']],
    ['across a CRLF', 'Eerste zin.\r\nTweede zin.', ['Eerste zin.', 'Tweede zin.']],
    ['a word ending in an abbreviation is still a sentence end', 'Hij kwam ook. Dat was fijn.', ['Hij kwam ook.', 'Dat was fijn.']],
  ])('split: %s', (_name, s, expected) => {
    expect(one(s)).toEqual(expected);
  });

  test('ranges are offsets in the whole text, not in the block', () => {
    const text = 'XXXX Een zin. Nog een.';
    const ranges = splitSentences(text, { start: 5, end: text.length });
    expect(ranges).toEqual([
      { start: 5, end: 13 },
      { start: 14, end: 22 },
    ]);
  });
});

describe('speaker roles from the declared map', () => {
  test('declared roles are set on segments; labels declared by role map to that role', () => {
    const text = '---\nspeakers: { H: kindcoach, Z: ouder }\n---\nH: Hoe gaat het thuis?\n\nZ: Wisselend.\n\nKindcoach: Dat hoor ik vaker.\n';
    const { document } = readDocument('a.md', text);
    expect(segmentDocument(document, 'paragraph').map((s) => [s.speaker, s.speakerRole])).toEqual([
      ['H', 'kindcoach'],
      ['Z', 'ouder'],
      ['Kindcoach', 'kindcoach'],
    ]);
  });

  test('roles are compared in lower case', () => {
    const { document } = readDocument('a.md', '---\nspeakers: { I: Interviewer }\n---\nI: Vraag.\n');
    expect(segmentDocument(document, 'turn')[0].speakerRole).toBe('interviewer');
  });
});

describe('comments and fences', () => {
  test('an inline-coding comment on its own line ends a paragraph and is not a segment', () => {
    const { document } = readDocument('a.md', 'Eerste alinea.\n<!-- qda: organisation.roles -->\nTweede alinea.\n');
    expect(segmentDocument(document, 'paragraph').map((s) => [s.text, s.lines.start])).toEqual([
      ['Eerste alinea.', 1],
      ['Tweede alinea.', 3],
    ]);
  });
});

describe('loadDocument errors', () => {
  test('a NUL byte: binary file error with the byte offset and line/column', () => {
    const bytes = new Uint8Array(Buffer.from('regel één\nab\0cd\n', 'utf8'));
    const r = loadDocument('corpus/x.md', bytes, 'utf-8');
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'corpus/x.md', severity: 'error', rule: 'file/binary', line: 2, column: 3 })]);
    expect(r.diagnostics[0].message).toContain('byte 14');
  });

  test.each([
    ['no BOM', [], 15],
    ['BOM', [0xef, 0xbb, 0xbf], 18],
  ])('invalid UTF-8 (%s): error naming the byte offset, line and column in code points', (_name, prefix, byte) => {
    // "regel één\n" is 12 bytes; "wij" 3 more; then a latin1 é (0xE9).
    const bytes = new Uint8Array([...prefix, ...Buffer.from('regel één\nwij', 'utf8'), 0xe9, ...Buffer.from('k\n', 'utf8')]);
    const r = loadDocument('corpus/x.md', bytes, 'utf-8');
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ file: 'corpus/x.md', severity: 'error', rule: 'file/encoding', line: 2, column: 4 })]);
    expect(r.diagnostics[0].message).toContain(`byte ${byte}`);
    expect(r.diagnostics[0].hint).toMatch(/windows-1252/);
  });

  test('invalid UTF-8 on line 1 with CRLF line endings after it', () => {
    const bytes = new Uint8Array([...Buffer.from('ab'), 0xff, ...Buffer.from('\r\ncd\r\n')]);
    expect(loadDocument('x.md', bytes, 'utf-8').diagnostics).toEqual([expect.objectContaining({ rule: 'file/encoding', line: 1, column: 3 })]);
  });

  test('invalid UTF-8 after CRLF lines counts them as single line breaks', () => {
    const bytes = new Uint8Array([...Buffer.from('a\r\nb\r\n\r\nxyz'), 0xc0, 0xaf]);
    expect(loadDocument('x.md', bytes, 'utf-8').diagnostics).toEqual([expect.objectContaining({ rule: 'file/encoding', line: 4, column: 4 })]);
  });

  test('the same bytes decode with --encoding windows-1252', () => {
    const bytes = new Uint8Array([...Buffer.from('Wijk'), 0xe9, ...Buffer.from(': tekst.\n')]);
    const r = loadDocument('x.md', bytes, 'windows-1252');
    expect(r.diagnostics).toEqual([]);
    expect(r.document!.text).toBe('Wijké: tekst.\n');
  });

  test('an empty file is a warning and gives no document', () => {
    const r = loadDocument('leeg.md', new Uint8Array(), 'utf-8');
    expect(r.document).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', rule: 'file/empty' })]);
  });

  test('NUL bytes are normal in UTF-16 and do not make the file binary', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('R: Goed.\r\n', 'utf16le')]);
    const r = loadDocument('x.md', bytes, 'utf-16le');
    expect(r.diagnostics).toEqual([]);
    expect(segmentDocument(r.document!, 'paragraph').map((s) => [s.speaker, s.text, s.lines.start])).toEqual([['R', 'Goed.', 1]]);
  });
});
