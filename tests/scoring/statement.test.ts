import { describe, expect, test } from 'vitest';
import { readDocument, segmentDocument } from '../../src/ingest/document.js';
import { furniture } from '../../src/scoring/statement.js';

const of = (text: string, extra: { speaker?: string; list?: boolean } = {}) => furniture({ text, ...extra });

describe('segments that are not statements', () => {
  test('titles and short entries without closing punctuation are fragments', () => {
    expect(of('Institutionele factoren')).toBe('fragment');
    expect(of('**Samenwerking in de wijk**')).toBe('fragment');
    expect(of('Wachtlijsten en werkdruk bij het wijkteam')).toBe('fragment');
  });

  test('a short sentence that closes is a statement, and so is a short answer in a speaker turn', () => {
    expect(of('Ik vertrouw haar niet.')).toBeUndefined();
    expect(of('ik vertrouw die mensen gewoon niet', { speaker: 'R' })).toBeUndefined();
    expect(of('De wachtlijst bij het wijkteam is nu vier maanden en dat merken de ouders')).toBeUndefined();
  });

  test('a list item of a few words is an entry even with a full stop; a longer one is a statement', () => {
    expect(of('Korte lijnen.', { list: true })).toBe('fragment');
    expect(of('Ouders weten niet bij wie ze terecht kunnen.', { list: true })).toBeUndefined();
  });

  test('captions and source lines', () => {
    expect(of('Figuur 3. Aantal gezinnen per wijkteam, 2021')).toBe('caption');
    expect(of('Tabel 2: Subsidies voor het buurthuis per jaar')).toBe('caption');
    expect(of('Bron: gemeente Rotterdam, eigen bewerking.')).toBe('caption');
    expect(of('Figuren uit de wijk vertellen ons dat de samenwerking beter loopt.')).toBeUndefined();
  });

  test('lines of a table of contents', () => {
    expect(of('1. Inleiding ........ 3\n2. Samenwerking in de wijk ........ 7')).toBe('contents');
    expect(of('3.2 Financiering en aanbesteding 14')).toBe('contents');
    expect(of('In 2021 waren er 14 gezinnen.')).toBeUndefined();
    // The page number may be followed by spaces, tabs or a non-breaking space.
    expect(of('Hoofdstuk een\t12 \u00a0\n2 Samenwerking in de wijk 14\t')).toBe('contents');
    expect(of('1. Inleiding ........ 3\n2. Samenwerking in de wijk ........ 7b')).toBeUndefined();
  });

  test('references', () => {
    expect(of('Koelen, M. A., Vaandrager, L., & Wagemakers, A. (2012). What is needed for coordinated action? Family Practice, 29, 25–31.')).toBe(
      'reference',
    );
    expect(of('Jansen, P. (2019). Samenwerken in de wijk. Utrecht: Uitgeverij Voorbeeld.')).toBe('reference');
    expect(of('Zie ook doi:10.1234/abcd.5678 voor de methode')).toBe('reference');
    // In any case: the letters are looked for before the DOI pattern runs.
    expect(of('Zie ook DOI: 10.1234/abcd.5678 voor de methode')).toBe('reference');
    expect(of('Online via https://Doi.org/10.5555/wijk.2020 te lezen')).toBe('reference');
    expect(of('Zie ook do i:10.1234/abcd.5678 voor de methode')).toBeUndefined();
    expect(of('Jansen, de coördinator, zei in 2019 dat het beter moest.')).toBeUndefined();
  });

  test('tables', () => {
    expect(of('| wijk | gezinnen |\n|---|---|\n| Crooswijk | 12 |')).toBe('table');
  });

  test('list items of a document are marked as such', () => {
    const text = '# Punten\n\n- Korte lijnen.\n- Ouders weten niet bij wie ze terecht kunnen.\n\nEen gewone alinea.\n';
    const segments = segmentDocument(readDocument('a.md', text).document, 'paragraph');
    expect(segments.map((s) => [s.list ?? false, furniture(s) ?? 'statement'])).toEqual([
      [true, 'fragment'],
      [true, 'statement'],
      [false, 'statement'],
    ]);
  });
});
