/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a piece of 13
 * characters or more cut from a string (slice, split, a match) as a view into the whole string, so
 * a district name, a speaker or a word kept for the corpus would keep its whole transcript in
 * memory: memory would grow with the corpus instead of with the largest file. Whatever outlives its
 * document is copied through here.
 */
export function ownText(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
