/**
 * Dutch phone numbers: ten digits starting with 0 (06 mobile, 010 or 0111 landline), or +31 / 0031
 * with nine digits after it (and an optional (0)), with single spaces or hyphens anywhere between
 * the digits, or the area code in brackets: 06-12345678, 06 1234 5678, (010) 123 45 67,
 * +31 6 12345678, +31 (0)10 1234567. Longer or shorter runs of digits are not phone numbers.
 */
import { foundAll, type Found } from './kinds.js';

/** `n` more digits, each after an optional space or hyphen. */
const digits = (n: number) => String.raw`(?:[ -]?\d){${n}}`;
/** An area code of `k` digits after the 0, in brackets, then the rest of the nine digits. */
const bracketed = (k: number) => String.raw`\(0[1-9]\d{${k - 1}}\)[ -]?\d${digits(8 - k)}`;

const PHONE = new RegExp(
  String.raw`(?<![\p{L}\p{N}+])(?:(?:\+|00)31[ -]?(?:\(0\)[ -]?)?[1-9]${digits(8)}|0[1-9]${digits(8)}|${bracketed(1)}|${bracketed(2)}|${bracketed(3)})(?![\p{N}])`,
  'gu',
);

export function findPhones(text: string): Found[] {
  return foundAll(text, PHONE, 'phone');
}
