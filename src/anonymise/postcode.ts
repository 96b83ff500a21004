/**
 * Dutch postcodes: four digits (not starting with 0), an optional space, two capital letters; SA, SD
 * and SS are never issued. Lower-case letters are left alone ("1200 km", "2021 en").
 */
import { foundAll, type Found } from './kinds.js';

const POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu;

export function findPostcodes(text: string): Found[] {
  return foundAll(text, POSTCODE, 'postcode');
}
