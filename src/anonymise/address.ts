/**
 * Street and house number: a capitalised street name ending in a Dutch street word (straat, laan,
 * weg, plein, ...), possibly after up to two capitalised words or particles ("Burgemeester
 * Meineszlaan", "Van Speijkstraat", "Tweede Middellandstraat"), then a house number with an optional
 * letter or addition (12, 12a, 12-3, 12 B). A street without a number is not an address here.
 */
import { foundAll, type Found } from './kinds.js';

const STREET_WORDS =
  'straat|laan|weg|plein|singel|kade|gracht|dijk|dreef|hof|park|pad|steeg|markt|baan|wal|plantsoen|boulevard|passage|erf|haven|ring';
/** Words that start a sentence before a street ("Op de Bergweg 12") without being part of its name. */
const NOT_STREET = String.raw`(?:In|Op|Aan|Naar|Bij|Uit|Over|Langs|Via|Vanaf|Tot|Ik|Je|We|Wij|Zij|Ze|Hij|Het|De|Een|En|Dus|Maar|Toen|Nu)(?![\p{L}])`;
/** A capitalised word of the street's name, with the particles after it ("Burgemeester de Vlugtlaan"). */
const WORD = String.raw`(?!${NOT_STREET})\p{Lu}[\p{L}'’.-]* (?:(?:van|de|der|den|het|ter|ten|'t) ){0,2}`;
const ADDRESS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${WORD}){0,2}\p{Lu}[\p{L}'’-]*(?:${STREET_WORDS}) \d{1,5}(?:[ -]?[A-Za-z](?![\p{L}])|-\d{1,3})?(?![\p{L}\p{N}])`,
  'gu',
);

export function findAddresses(text: string): Found[] {
  return foundAll(text, ADDRESS, 'address');
}
