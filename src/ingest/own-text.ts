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

/**
 * `ownText` for values that repeat from document to document (districts, roles, speaker names) and
 * are kept for the whole corpus: the function returned gives one shared copy of each. Its table is
 * emptied when it reaches `limit` entries, so that values that never repeat cost no more than their
 * own copy.
 */
export function sharedCopies(limit = 20_000): (text: string) => string {
  const copies = new Map<string, string>();
  return (text) => {
    let kept = copies.get(text);
    if (kept === undefined) {
      if (copies.size >= limit) copies.clear();
      copies.set((kept = ownText(text)), kept);
    }
    return kept;
  };
}
