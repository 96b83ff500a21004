/** Segment text as people read it in excerpts: markdown markers gone, white space collapsed. */

/** Long segments are read again by several outputs of one run; their readable form is kept for a while. */
const LONG = 4_000;
const recent = new Map<string, string>();

export function readable(text: string): string {
  if (text.length < LONG) return clean(text);
  let r = recent.get(text);
  if (r === undefined) {
    r = clean(text);
    if (recent.size >= 8) recent.delete(recent.keys().next().value!);
    recent.set(text, r);
  }
  return r;
}

// Each step runs only on text that holds what it looks for: most segments have no quote marker and
// no emphasis, and only single spaces, and the replacements would copy them for nothing.
function clean(text: string): string {
  let t = text;
  if (t.includes('>')) t = t.replace(/^[ \t]*>[ \t]?/gm, '');
  const star = t.includes('*');
  if (star) t = t.replace(/\*\*([^*]+)\*\*/g, '$1');
  if (star || t.includes('_')) t = t.replace(/(^|\s)[*_]([^*_\s][^*_]*)[*_](?=\s|$|[.,;:!?])/g, '$1$2');
  if (/[^\S ]| {2}/.test(t)) t = t.replace(/\s+/g, ' ');
  return t.trim();
}

/**
 * Excerpt text in CSV cells and markdown lists: the readable text, but of a segment longer than
 * MAX_EXCERPT characters only the first MAX_EXCERPT (cut at a space), followed by " …". A whole
 * transcript in one paragraph would otherwise be written again in every row. codings.json keeps the
 * full text.
 */
export const MAX_EXCERPT = 10_000;

/**
 * The last few texts excerptText was given and what it gave: short segments, whose document stays
 * in memory until four other texts have passed.
 */
const RECENT = 4;
const recentTexts: (string | undefined)[] = new Array<string | undefined>(RECENT).fill(undefined);
const recentExcerpts: string[] = new Array<string>(RECENT).fill('');
let next = 0;

export function excerptText(text: string): string {
  if (text.length <= MAX_EXCERPT) {
    // One segment's text is asked for several times in a row: by each of its codings in codings.csv,
    // and in excerpts.md and excerpts.csv as an excerpt and as the context of its neighbours.
    for (let i = 0; i < RECENT; i++) if (recentTexts[i] === text) return recentExcerpts[i];
    const r = readable(text);
    recentTexts[next] = text;
    recentExcerpts[next] = r;
    next = (next + 1) % RECENT;
    return r;
  }
  let cut = text.lastIndexOf(' ', MAX_EXCERPT);
  if (cut < MAX_EXCERPT / 2) cut = MAX_EXCERPT;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--; // never half a surrogate pair
  return `${clean(text.slice(0, cut))} …`;
}

/**
 * Transcript text for a markdown file: `<` and `>` outside code spans become `&lt;` and `&gt;`, so
 * that no renderer runs HTML (a `<script>` or `<img onerror>`) from a transcript. Inside a code span
 * a renderer shows them as they are, so they stay.
 */
export function markdownText(text: string): string {
  if (!/[<>]/.test(text)) return text;
  // Code spans: a run of backticks, then text, then a run of the same length.
  return text.replace(/(`+)([^]*?[^`])\1(?!`)|[<>]/g, (whole, ticks: string | undefined) =>
    ticks !== undefined ? whole : whole === '<' ? '&lt;' : '&gt;',
  );
}

/**
 * Text from file names and transcripts for a terminal or a one-line citation: control characters
 * (ANSI escapes that would recolour or clear the screen, a newline that would forge a line) are
 * written as \n, \r, \t or \xNN.
 */
export function visibleControls(text: string): string {
  if (!/[\u0000-\u001f\u007f-\u009f]/.test(text)) return text;
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/**
 * Text from the input (an attribute value, a code label, a file name) inside one line of markdown, a
 * heading or a list item: line breaks become a space so that the line is not cut in two, other
 * control characters are shown as in `visibleControls`, and `<`, `>` as in `markdownText`.
 */
export function markdownInline(text: string): string {
  return markdownText(visibleControls(text.replace(/[ \t]*(?:\r\n|[\r\n\u2028\u2029])\s*/g, ' ')));
}

/** Text from the input in a cell of a markdown table: as `markdownInline`, and a `|` that would end the cell escaped. */
export function markdownCell(text: string): string {
  return markdownInline(text).replace(/\|/g, '\\|');
}

/** A citation a terminal or editor can jump to: `path:line`. */
export function citation(path: string, line: number): string {
  return `${visibleControls(path)}:${line}`;
}

/** "1 document", "2 documents". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
