/**
 * A formatter for output that is written as its items arrive: a start, one piece per item, an end.
 * Several can be fed from one pass over the corpus (`qda analyse`), or one can be run as a generator.
 */
export interface StreamFormatter<T> {
  start(): string;
  item(item: T): string;
  end(): string;
  /**
   * For a formatter whose items can be formatted by another instance of it (in a worker thread):
   * what that instance counted of its items, for `adopt`.
   */
  counts?(): unknown;
  /**
   * Takes in items another instance formatted (their text is written next): what to write before
   * that text, and what they add to what `end` says, so that the bytes are those of one instance.
   */
  adopt?(formatted: Formatted): string;
}

/** Items formatted elsewhere by the same formatter, one after the other: their text as UTF-8, how many, and what that formatter counted. */
export interface Formatted {
  formatted: Uint8Array;
  items: number;
  counts: unknown;
}

export const isFormatted = (item: unknown): item is Formatted => typeof item === 'object' && item !== null && 'formatted' in item;

export function* stream<T>(formatter: StreamFormatter<T>, items: Iterable<T | Formatted>): Generator<string | Uint8Array> {
  yield formatter.start();
  for (const item of items) {
    if (!isFormatted(item)) yield formatter.item(item);
    else {
      if (!formatter.adopt) throw new Error('this formatter cannot take in items formatted elsewhere');
      yield formatter.adopt(item);
      yield item.formatted;
    }
  }
  yield formatter.end();
}

/** Formats items one after the other with one instance, as a worker thread hands them on. */
export function formatAll<T>(formatter: StreamFormatter<T>, items: Iterable<T>): Formatted {
  const pieces: string[] = [];
  for (const item of items) pieces.push(formatter.item(item));
  // An encoder's array has a buffer of its own, which can be moved to another thread without a copy.
  return { formatted: new TextEncoder().encode(pieces.join('')), items: pieces.length, counts: formatter.counts?.() };
}
