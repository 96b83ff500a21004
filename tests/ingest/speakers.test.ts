import { describe, expect, test } from 'vitest';
import { readDocument, segmentDocument } from '../../src/ingest/document.js';
import { matchSpeaker, speakerRole } from '../../src/ingest/speakers.js';

const none = new Map<string, string>();
const declared = new Map([
  ['I', 'interviewer'],
  ['R', 'respondent'],
]);

describe('speaker label forms (DESIGN §2)', () => {
  // [form, line, label, text of the turn, time stamp]
  test.each([
    ['bold, colon inside', '**I:** Hoe verloopt de samenwerking?', 'I', 'Hoe verloopt de samenwerking?', undefined],
    ['bold, colon outside', '**Hatice**: Dat wisselt.', 'Hatice', 'Dat wisselt.', undefined],
    ['bold without space after', '**R:**Dat wisselt.', 'R', 'Dat wisselt.', undefined],
    ['plain at line start', 'R: Dat wisselt per wijk.', 'R', 'Dat wisselt per wijk.', undefined],
    ['plain with tab', 'I:\tEn toen?', 'I', 'En toen?', undefined],
    ['plain, label only', 'R:', 'R', '', undefined],
    ['plain, two-word name with initial', 'Mw. de Vries: Dat klopt.', 'Mw. de Vries', 'Dat klopt.', undefined],
    ['plain, hyphenated name', 'Jan-Willem: Precies.', 'Jan-Willem', 'Precies.', undefined],
    ['plain, accented name', 'Özlem: Ja hoor.', 'Özlem', 'Ja hoor.', undefined],
    ['time stamp first', '[00:12:31] Hatice: Nou, eigenlijk niet.', 'Hatice', 'Nou, eigenlijk niet.', '00:12:31'],
    ['time stamp first, short', '[2:05] R: Ja.', 'R', 'Ja.', '2:05'],
    ['time stamp first, fraction', '[01:02:03.5] I: Vraag.', 'I', 'Vraag.', '01:02:03.5'],
    ['time stamp first, bold name', '[00:12:31] **Hatice:** Nee.', 'Hatice', 'Nee.', '00:12:31'],
    ['time stamp after', 'Hatice (00:12:31): Nou, eigenlijk niet.', 'Hatice', 'Nou, eigenlijk niet.', '00:12:31'],
    ['time stamp after, no space', 'Spreker 2(00:01:02): Goed.', 'Spreker 2', 'Goed.', '00:01:02'],
    ['time stamp after, bold', '**Hatice (00:12:31):** Nee.', 'Hatice', 'Nee.', '00:12:31'],
    ['blockquote', '> R: Dat klopt.', 'R', 'Dat klopt.', undefined],
    ['blockquote, bold', '> **I:** En verder?', 'I', 'En verder?', undefined],
    ['blockquote, no space', '>R: Dat klopt.', 'R', 'Dat klopt.', undefined],
    ['blockquote, indented', '  > Hatice: Ja.', 'Hatice', 'Ja.', undefined],
    ['blockquote, time stamp', '> [00:00:05] I: Welkom.', 'I', 'Welkom.', '00:00:05'],
  ])('%s: %j', (_form, line, label, turnText, time) => {
    const m = matchSpeaker(line, none);
    expect(m).toBeDefined();
    expect(m!.label).toBe(label);
    expect(line.slice(m!.contentStart)).toBe(turnText);
    expect(m!.time).toBe(time);
  });

  test.each([
    ['Let op: de wachtlijst is lang.'],
    ['**Let op:** de wachtlijst is lang.'],
    ['Besluit: we gaan door met de pilot.'],
    ['**Besluit**: we gaan door.'],
    ['Actiepunten:'],
    ['> Actiepunten: bellen'],
    ['Noot: zie bijlage.'],
    ['N.B.: vertrouwelijk'],
    ['Conclusie: het werkt.'],
    ['Datum: 14 juni 2021'],
    ['Aanwezig: Hatice, Jan, Mw. de Vries'],
    ['Agenda: 1. opening'],
    ['Samenvatting: goed gesprek'],
    ['Vraag: hoe verder?'],
    ['Stand van zaken: onduidelijk'],
    ['Decision: go ahead'],
  ])('note word is not a speaker: %j', (line) => {
    expect(matchSpeaker(line, none)).toBeUndefined();
  });

  test.each([
    ['lower-case word', 'dus: dat is het'],
    ['more than three words', 'Het grootste probleem is: niemand belt'],
    ['a URL', 'https://example.nl/wijkteam'],
    ['a time of day', '10:30 begint het overleg'],
    ['colon without space after', 'Noot:zie bijlage'],
    ['a list item', '- R: niet als label'],
    ['a heading', '# I: Kennismaking'],
    ['colon late in a sentence', 'Toen zei de buurvrouw tegen mij: ga maar.'],
    ['reported speech in three words', 'Toen zei ze: ga maar.'],
    ['a note heading ending in -punten', 'Verbeterpunten: de intake'],
    ['empty line', ''],
  ])('not a label: %s', (_name, line) => {
    expect(matchSpeaker(line, none)).toBeUndefined();
  });
});

describe('note headings before a list', () => {
  // A capitalised word with a colon alone on a line, followed by a list, is how notes introduce
  // points ("Knelpunten:"); read as a speaker label it would hide the line and give the list a speaker.
  test.each([['Knelpunten:'], ['Aandachtspunten:'], ['Afspraken:']])('%j before a list is not a speaker', (heading) => {
    const { document } = readDocument('notulen.md', `${heading}\n\n- wachtlijst te lang\n- geen regie\n`);
    expect(segmentDocument(document, 'paragraph').map((s) => [s.speaker, s.text])).toEqual([
      [undefined, heading],
      [undefined, 'wachtlijst te lang'],
      [undefined, 'geen regie'],
    ]);
  });
});

describe('declared speakers', () => {
  test.each([
    ['I: Hoe gaat het?', 'I'],
    ['**R:** Goed.', 'R'],
    ['Interviewer: Hoe gaat het?', 'Interviewer'],
    ['**Respondent**: Goed.', 'Respondent'],
    ['> R: Klopt.', 'R'],
  ])('declared label or role counts: %j', (line, label) => {
    expect(matchSpeaker(line, declared)?.label).toBe(label);
  });

  test.each([['Hatice: Goed.'], ['**Jan:** Nee.'], ['Besluit: door.'], ['X: iets']])('an undeclared label does not count: %j', (line) => {
    expect(matchSpeaker(line, declared)).toBeUndefined();
  });

  test('a declared label that looks like a note word counts', () => {
    expect(matchSpeaker('Vraag: Hoe is het?', new Map([['Vraag', 'interviewer']]))?.label).toBe('Vraag');
  });

  test('speakerRole from the declared map', () => {
    const map = new Map([
      ['H', 'kindcoach'],
      ['I', 'interviewer'],
    ]);
    expect(speakerRole('H', map)).toBe('kindcoach');
    expect(speakerRole('I', map)).toBe('interviewer');
    expect(speakerRole('Kindcoach', map)).toBe('kindcoach');
  });

  test('in a document, only declared labels start turns', () => {
    const text = [
      '---',
      'speakers: { I: interviewer, R: respondent }',
      '---',
      'I: Wat vond u ervan?',
      '',
      'R: Het viel tegen.',
      '',
      'Hatice: Dit is geen spreker.',
      '',
      'Interviewer: Maar dit wel.',
      '',
    ].join('\n');
    const { document } = readDocument('a.md', text);
    expect(segmentDocument(document, 'paragraph').map((s) => [s.speaker, s.speakerRole, s.text])).toEqual([
      ['I', 'interviewer', 'Wat vond u ervan?'],
      ['R', 'respondent', 'Het viel tegen.'],
      ['R', 'respondent', 'Hatice: Dit is geen spreker.'],
      ['Interviewer', 'interviewer', 'Maar dit wel.'],
    ]);
  });

  test('without a declaration, names count and note words do not', () => {
    const text = ['Hatice: Goedemorgen.', '', 'Let op: dit is een notitie.', '', 'Jan: Hallo.', ''].join('\n');
    const { document } = readDocument('a.md', text);
    expect(segmentDocument(document, 'paragraph').map((s) => [s.speaker, s.text])).toEqual([
      ['Hatice', 'Goedemorgen.'],
      ['Hatice', 'Let op: dit is een notitie.'],
      ['Jan', 'Hallo.'],
    ]);
  });
});

describe('turns', () => {
  test('a turn lasts across paragraphs until the next label', () => {
    const text = [
      '**I:** Hoe begon het?',
      '',
      '**R:** Eerst ging het goed.',
      '',
      'Daarna werd het lastig.',
      '',
      'En nu is het weer beter.',
      '',
      '**I:** Waarom?',
      '',
    ].join('\n');
    const { document } = readDocument('a.md', text);
    const paragraphs = segmentDocument(document, 'paragraph');
    expect(paragraphs.map((s) => [s.speaker, s.text])).toEqual([
      ['I', 'Hoe begon het?'],
      ['R', 'Eerst ging het goed.'],
      ['R', 'Daarna werd het lastig.'],
      ['R', 'En nu is het weer beter.'],
      ['I', 'Waarom?'],
    ]);
    const turns = segmentDocument(document, 'turn');
    expect(turns.map((s) => [s.speaker, s.lines])).toEqual([
      ['I', { start: 1, end: 1 }],
      ['R', { start: 3, end: 7 }],
      ['I', { start: 9, end: 9 }],
    ]);
    expect(turns[1].text).toBe('Eerst ging het goed.\n\nDaarna werd het lastig.\n\nEn nu is het weer beter.');
  });

  test('consecutive I: / R: lines without blank lines are separate turns', () => {
    const text = 'I: Hoe oud ben je?\nR: Veertien.\nI: En je broer?\nR: Zestien.\n';
    const { document } = readDocument('a.md', text);
    for (const unit of ['paragraph', 'turn'] as const) {
      const segments = segmentDocument(document, unit);
      expect(
        segments.map((s) => [s.speaker, s.text, s.lines.start]),
        unit,
      ).toEqual([
        ['I', 'Hoe oud ben je?', 1],
        ['R', 'Veertien.', 2],
        ['I', 'En je broer?', 3],
        ['R', 'Zestien.', 4],
      ]);
    }
  });

  test('two turns of the same speaker in a row stay two turns', () => {
    const { document } = readDocument('a.md', 'R: Eerste.\n\nR: Tweede.\n');
    expect(segmentDocument(document, 'turn').map((s) => s.text)).toEqual(['Eerste.', 'Tweede.']);
  });

  test('a continuation line without a label belongs to the open turn paragraph', () => {
    const { document } = readDocument('a.md', 'R: Eerste regel\nen de tweede regel.\nI: Vraag.\n');
    expect(segmentDocument(document, 'paragraph').map((s) => [s.speaker, s.text])).toEqual([
      ['R', 'Eerste regel\nen de tweede regel.'],
      ['I', 'Vraag.'],
    ]);
  });

  test('text before the first label has no speaker', () => {
    const { document } = readDocument('a.md', 'Inleiding van de onderzoeker.\n\nI: Welkom.\n');
    const [intro, welcome] = segmentDocument(document, 'paragraph');
    expect(intro.speaker).toBeUndefined();
    expect(intro.speakerRole).toBeUndefined();
    expect(welcome.speaker).toBe('I');
  });

  test('time-stamped turns in a document keep the text after the stamp', () => {
    const text = '[00:00:01] Hatice: Welkom allemaal.\n[00:00:09] Jan: Dank je.\nJan (00:00:15): Zullen we beginnen?\n';
    const { document } = readDocument('a.md', text);
    expect(segmentDocument(document, 'turn').map((s) => [s.speaker, s.text])).toEqual([
      ['Hatice', 'Welkom allemaal.'],
      ['Jan', 'Dank je.'],
      ['Jan', 'Zullen we beginnen?'],
    ]);
  });

  test('blockquoted turns: label and > markers are not part of the text', () => {
    const { document } = readDocument('a.md', '> I: Hoe gaat het?\n\n> R: Goed,\n> dank je.\n');
    const segments = segmentDocument(document, 'paragraph');
    expect(segments.map((s) => [s.speaker, s.text.replace(/\n> /g, '\n')])).toEqual([
      ['I', 'Hoe gaat het?'],
      ['R', 'Goed,\ndank je.'],
    ]);
    for (const s of segments) expect(document.text.slice(s.range.start, s.range.end)).toBe(s.text);
  });
});
