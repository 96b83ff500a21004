import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { findAddresses } from '../../src/anonymise/address.js';
import { findBsns, passesElevenTest } from '../../src/anonymise/bsn.js';
import { isNameLabel, nameParts } from '../../src/anonymise/declared.js';
import { findEmails } from '../../src/anonymise/email.js';
import { firstNames } from '../../src/anonymise/first-names.js';
import { findNames } from '../../src/anonymise/names.js';
import { findPhones } from '../../src/anonymise/phone.js';
import { findPostcodes } from '../../src/anonymise/postcode.js';
import { settle } from '../../src/anonymise/detect.js';

const names = firstNames((file) => readFileSync(file, 'utf8'));
const texts = (found: { text: string }[]) => found.map((f) => f.text);

describe('e-mail addresses', () => {
  test.each([
    ['mail naar h.yilmaz@wijkteam-noord.nl.', ['h.yilmaz@wijkteam-noord.nl']],
    ['(info+post@voorbeeld.org)', ['info+post@voorbeeld.org']],
    ['zoë.de.bruin@gemeente.example.com, of bel', ['zoë.de.bruin@gemeente.example.com']],
    ['een @-teken alleen, of naam@localhost', []],
  ])('%s', (text, expected) => expect(texts(findEmails(text))).toEqual(expected));
});

describe('Dutch phone numbers', () => {
  test.each([
    ['bel 06-12345678 even', ['06-12345678']],
    ['bel 06 1234 5678 even', ['06 1234 5678']],
    ['bel 06 12 34 56 78.', ['06 12 34 56 78']],
    ['(06-12345678)', ['06-12345678']],
    ['landlijn 010-2345678 of 0111 234567', ['010-2345678', '0111 234567']],
    ['praktijk (010) 234 56 78', ['(010) 234 56 78']],
    ['praktijk (0111) 23 45 67', ['(0111) 23 45 67']],
    ['mobiel +31 6 98765432 of +31612345678', ['+31 6 98765432', '+31612345678']],
    ['+31 (0)10 234 5678 en 0031 10 2345678', ['+31 (0)10 234 5678', '0031 10 2345678']],
    ['te kort 06-1234567, te lang 06-123456789, geen 0 vooraf 6123456789', []],
    ['een jaartal 2021 en een bedrag van 1.234.567', []],
  ])('%s', (text, expected) => expect(texts(findPhones(text))).toEqual(expected));
});

describe('postcodes', () => {
  test.each([
    ['in 3036 XK woont', ['3036 XK']],
    ['3074BA, Rotterdam', ['3074BA']],
    ['ruim 1200 km en in 2021 EN daarna', ['2021 EN']],
    ['0123 AB begint met 0; 3011 SS en 3011 SA bestaan niet; 3011 ab is klein', []],
  ])('%s', (text, expected) => expect(texts(findPostcodes(text))).toEqual(expected));
});

describe('BSN with the 11-test', () => {
  test('the 11-test by hand', () => {
    // 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 2 = 154 = 14 · 11
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('123456781')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
  });
  test.each([
    ['BSN 123456782 op een briefje', ['123456782']],
    ['als 1234.56.782 of 123 456 782', ['1234.56.782', '123 456 782']],
    ['geen BSN: 123456781, en 1234567820 is te lang', []],
  ])('%s', (text, expected) => expect(texts(findBsns(text))).toEqual(expected));
});

describe('street and house number', () => {
  test.each([
    ['ze woont op de Bergweg 112b in', ['Bergweg 112b']],
    ['aan de Groene Hilledijk 310.', ['Groene Hilledijk 310']],
    ['Burgemeester de Vlugtlaan 12-3 en Van Speijkstraat 4 A', ['Burgemeester de Vlugtlaan 12-3', 'Van Speijkstraat 4 A']],
    ['Op de Bergweg 3 is het druk', ['Bergweg 3']],
    ['de Oosterstraat zonder nummer, en 3 straten verder', []],
  ])('%s', (text, expected) => expect(texts(findAddresses(text))).toEqual(expected));
});

describe('names in running text', () => {
  test.each([
    ['Mijn collega Bram Veldhuis en ik', ['Bram Veldhuis']],
    ['de begeleider, Jan-Willem de Boer. En', ['Jan-Willem de Boer']],
    ['Samira El Amrani en Samira van de buurtvereniging', ['Samira El Amrani', 'Samira']],
    ['een vader, meneer El Idrissi, wilde', ['El Idrissi']],
    ['mevrouw de Graaf kwam langs; Dhr. Bakker ook', ['de Graaf', 'Bakker']],
    ['Juf Fatima belt. Vrijdag komt Hatice.', ['Fatima', 'Hatice']],
    ['Toen zei Samira Vrijdag niets', ['Samira']],
    // everyday words that are also first names stay: they are not in the list
    ['Ben je er? Wil je koffie? Roos in de tuin. Ik ben Samira', ['Samira']],
    ['Mevrouw Ik zei niets; het Rotterdamse Wijkteam', []],
    ['Dat blijft in de familie. Schaamte, ja. Bij de fam. Bakker wel', ['Bakker']],
  ])('%s', (text, expected) => expect(texts(findNames(text, names))).toEqual(expected));

  test('a name does not run over a line break', () => {
    expect(texts(findNames('met Bram\nVeldhuis', names))).toEqual(['Bram']);
  });
});

describe('declared names', () => {
  test.each([
    ['Hatice', 'respondent', true],
    ['Hatice Yilmaz', 'respondent', true],
    ['Mw. de Vries', 'respondent', true],
    ['Kindcoach', 'kindcoach', false],
    ['Interviewer', 'interviewer', false],
    ['R', 'respondent', false],
    ['Spreker 2', 'respondent', false],
  ])('label %s (%s) is a name: %s', (label, role, expected) => expect(isNameLabel(label, role, names)).toBe(expected));

  test('parts of a name', () => {
    expect(nameParts('Hatice Yilmaz')).toEqual(['Hatice', 'Yilmaz']);
    expect(nameParts('Jan de Vries')).toEqual(['Jan', 'de Vries']);
    expect(nameParts('de Graaf')).toEqual(['Graaf']);
    expect(nameParts('Mw. de Vries')).toEqual(['de Vries']);
    expect(nameParts('Samira')).toEqual([]);
  });
});

test('overlapping finds: the longer one stays', () => {
  const a = { start: 0, end: 3, text: 'Jan', kind: 'name' as const };
  const b = { start: 0, end: 12, text: 'jan@x.nl.com', kind: 'email' as const };
  const c = { start: 20, end: 24, text: 'Bram', kind: 'name' as const };
  expect(settle([a, c, b])).toEqual([b, c]);
});

describe('names: in qda.yaml', () => {
  test('a list, a mapping to chosen pseudonyms, and what is wrong with other shapes', async () => {
    const { parseSettings } = await import('../../src/corpus/settings.js');
    expect(parseSettings('qda.yaml', 'names: [Hatice Yilmaz, Bram]\n').settings.names).toEqual([{ name: 'Hatice Yilmaz' }, { name: 'Bram' }]);
    expect(parseSettings('qda.yaml', 'names:\n  Hatice Yilmaz: Fatma\n  Bram:\n').settings.names).toEqual([
      { name: 'Hatice Yilmaz', pseudonym: 'Fatma' },
      { name: 'Bram' },
    ]);
    expect(parseSettings('qda.yaml', 'names: people.txt\n').settings.namesFile).toBe('people.txt');
    const bad = parseSettings('qda.yaml', 'names: 3\n').diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);
    expect(bad).toEqual(['1:8: `names` must be a list or a mapping of names, or name a file of names']);
    const empty = parseSettings('qda.yaml', 'names:\n  - ""\n').diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);
    expect(empty).toEqual(['2:5: `names` must list names as text']);
  });
});
