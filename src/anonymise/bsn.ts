/**
 * Numbers that could be a BSN (Dutch citizen service number): nine digits, written together or as
 * 1234.56.789 or 123 456 789, that pass the 11-test. Other nine-digit numbers are left alone.
 */
import { foundAll, type Found } from './kinds.js';

const NINE_DIGITS = /(?<![\p{L}\p{N}.,])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3})(?![\p{N}]|[.,]\d)/gu;

export function findBsns(text: string): Found[] {
  return foundAll(text, NINE_DIGITS, 'bsn', (m) => passesElevenTest(m.replace(/\D/g, '')));
}

/** 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and the number is not all zeros). */
export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}
