/**
 * Stop words of `qda words`: the shipped lists (data/stopwords/<language>.txt, one word a line, `#`
 * starts a comment) and the project's own from qda.yaml, folded as the matcher folds words.
 */
import { fileURLToPath } from 'node:url';
import { fold } from '../match/tokens.js';

/** Folder of the stop word lists that ship with qda. */
export const SHIPPED_STOPWORDS = fileURLToPath(new URL('../../data/stopwords/', import.meta.url));

/** The words of a list file. */
export function parseStopWords(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l !== '');
}

/**
 * The stop words of a language: the shipped list (`read` gives a file's text, or undefined), and the
 * project's words for that language and for every language (`*`).
 */
export function stopWordsOf(language: string, extra: Record<string, string[]>, read: (file: string) => string | undefined): Set<string> {
  const shipped = parseStopWords(read(`${SHIPPED_STOPWORDS}${language}.txt`) ?? '');
  return new Set([...shipped, ...(extra['*'] ?? []), ...(extra[language] ?? [])].map(fold));
}
