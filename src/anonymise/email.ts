/** E-mail addresses: local part, @, a domain with at least one dot and a top-level domain of letters. */
import { foundAll, type Found } from './kinds.js';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

export function findEmails(text: string): Found[] {
  return text.includes('@') ? foundAll(text, EMAIL, 'email') : [];
}
