/** Segment text as people read it in excerpts: markdown markers gone, white space collapsed. */

export function readable(text: string): string {
  return text
    .replace(/^[ \t]*>[ \t]?/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\s)[*_]([^*_\s][^*_]*)[*_](?=\s|$|[.,;:!?])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A citation a terminal or editor can jump to: `path:line`. */
export function citation(path: string, line: number): string {
  return `${path}:${line}`;
}

/** "1 document", "2 documents". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
