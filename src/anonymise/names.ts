/**
 * Person names in running text. A name starts at a capitalised word that is a known first name
 * ("Samira", "Jan-Willem"), or at the capitalised word after a title ("mevrouw de Vries", "juf
 * Fatima", "dhr. Bakker"), and takes in the surname after it: particles (van, de, van der, El) and
 * capitalised words, on the same line. A surname on its own, or a first name the list does not know,
 * is not found: that is what `names:` in qda.yaml and the front matter are for.
 */
import { PARTICLES } from '../ingest/speakers.js';
import type { Found } from './kinds.js';

/** Words after which a capitalised word is a name. */
const TITLES = new Set(
  'mevrouw,mevr,mw,meneer,mijnheer,dhr,heer,juf,juffrouw,meester,familie,fam,dokter,dr,mr,mrs,ms,miss,mister,tante,oom,opa,oma,buurvrouw,buurman'.split(
    ',',
  ),
);

/** Titles written abbreviated, with a full stop ("dhr. Bakker"); after any other word a full stop ends the sentence. */
const ABBREVIATED = new Set(['mevr', 'mw', 'dhr', 'fam', 'dr', 'mr', 'mrs', 'ms']);

/** Capitalised words that do not continue a name: they start a sentence or name a day or month. */
const NOT_SURNAMES = new Set(
  (
    'Ik,Je,Jij,U,Hij,Zij,Ze,We,Wij,Jullie,Het,De,Een,En,Maar,Dus,Toen,Nu,Dan,Als,Want,Of,Ja,Nee,Oké,Nou,Hoi,Dag,' +
    'Maandag,Dinsdag,Woensdag,Donderdag,Vrijdag,Zaterdag,Zondag,Januari,Februari,Maart,April,Mei,Juni,Juli,Augustus,' +
    'September,Oktober,November,December,I,You,He,She,We,They,It,The,And,But,So,Then,Monday,Tuesday,Wednesday,' +
    'Thursday,Friday,Saturday,Sunday,January,February,March,May,June,July,August,October'
  ).split(','),
);

const CAPITALISED = /\p{Lu}[\p{Ll}\p{M}'’]*(?:-\p{Lu}[\p{Ll}\p{M}]+)*/uy;
const WORD_START = /(?<![\p{L}\p{N}\p{M}'’-])\p{Lu}/gu;

/** Names in `text` between `from` and `to` (offsets into text). */
export function findNames(text: string, firstNames: ReadonlySet<string>, from = 0, to = text.length): Found[] {
  const out: Found[] = [];
  WORD_START.lastIndex = from;
  for (let m = WORD_START.exec(text); m && m.index < to; m = WORD_START.exec(text)) {
    const word = capitalisedAt(text, m.index);
    if (!word) continue;
    const known = firstNames.has(word) || firstNames.has(word.split('-')[0]);
    const titled = afterTitle(text, m.index);
    const start = titled?.start ?? m.index;
    if (!known && !titled) continue;
    if (!known && NOT_SURNAMES.has(word)) continue;
    const end = surnameEnd(text, m.index + word.length, to);
    out.push({ start, end, text: text.slice(start, end), kind: 'name' });
    WORD_START.lastIndex = end;
  }
  return out;
}

function capitalisedAt(text: string, at: number): string | undefined {
  CAPITALISED.lastIndex = at;
  const m = CAPITALISED.exec(text);
  if (!m || m[0].length < 2) return undefined;
  const next = text[at + m[0].length];
  return next !== undefined && /[\p{L}\p{N}]/u.test(next) ? undefined : m[0];
}

/** After the first name: up to three surname parts, each particles and then a capitalised word. */
function surnameEnd(text: string, end: number, to: number): number {
  for (let parts = 0; parts < 3; parts++) {
    let at = end;
    for (let particles = 0; particles < 3; particles++) {
      const p = /^ ([\p{L}']+)/u.exec(text.slice(at, at + 8));
      if (!p || !PARTICLES.has(p[1].toLowerCase())) break;
      at += p[0].length;
    }
    if (text[at] !== ' ') break;
    const word = capitalisedAt(text, at + 1);
    if (!word || NOT_SURNAMES.has(word) || at + 1 + word.length > to) break;
    end = at + 1 + word.length;
  }
  return end;
}

/** Particles between a title and a name ("mevrouw de Vries", "meneer van der Berg"). */
const TITLE_PARTICLES = new Set(['van', 'de', 'der', 'den', 'ter', 'ten', 'te', 'el', 'al', "'t"]);

/**
 * A title right before `at` ("mevrouw ", "dhr. ", "juf "), with particles between: where the name
 * starts. Walks back word by word, since this runs for every capitalised word.
 */
function afterTitle(text: string, at: number): { start: number } | undefined {
  let pos = at;
  for (let words = 0; words < 4; words++) {
    if (pos === 0 || text[pos - 1] !== ' ') return undefined;
    let end = pos - 1;
    const dot = text[end - 1] === '.';
    if (dot) end--;
    let start = end;
    while (start > 0 && end - start < 20 && /[\p{L}']/u.test(text[start - 1])) start--;
    const word = text.slice(start, end).toLowerCase();
    if (TITLES.has(word) && (!dot || ABBREVIATED.has(word))) return { start: pos };
    if (dot || !TITLE_PARTICLES.has(word)) return undefined;
    pos = start;
  }
  return undefined;
}
