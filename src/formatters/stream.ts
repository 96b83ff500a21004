/**
 * A formatter for output that is written as its items arrive: a start, one piece per item, an end.
 * Several can be fed from one pass over the corpus (`qda analyse`), or one can be run as a generator.
 */
export interface StreamFormatter<T> {
  start(): string;
  item(item: T): string;
  end(): string;
}

export function* stream<T>(formatter: StreamFormatter<T>, items: Iterable<T>): Generator<string> {
  yield formatter.start();
  for (const item of items) yield formatter.item(item);
  yield formatter.end();
}
