/**
 * The front matter most transcripts have, read without a YAML parser: lines of `key: value` where
 * the value is a plain word or phrase, a whole number, a date, or a one-line `{ a: b }` or `[a, b]`.
 * Anything else (quotes, comments, block lists, indentation, repeated keys, words YAML reads as
 * true, false or null) returns undefined, and the full parser reads the block. The result is what
 * the `yaml` package gives for the same block (tests compare the two).
 */

type Value = string | number | Value[] | { [key: string]: Value };

const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):[ ]+(.*?)[ ]*$/;
const LIST_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):$/;
/** "text" without escapes, or 'text' without quotes inside: the text as it stands. */
const QUOTED = /^(?:"([^"\\]*)"|'([^']*)')$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A plain scalar that stays text: begins with a letter, holds no character YAML gives a meaning to. */
const WORDS = /^\p{L}[\p{L}\p{M}\p{N} _.\-/()'’+]*$/u;
/** Inside { } and [ ] the same, without the characters that end an entry there. */
const FLOW_WORDS = /^\p{L}[\p{L}\p{M}\p{N} _.\-/'’+]*$/u;
/** Words YAML reads as something other than text (1.2 core schema, and the 1.1 ones to be safe). */
const SPECIAL = /^(?:true|false|null|yes|no|on|off|y|n)$/i;
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export function simpleYaml(block: string): Record<string, Value> | undefined {
  const data: Record<string, Value> = {};
  const lines = block.split('\n').map((raw) => (raw.endsWith('\r') ? raw.slice(0, -1) : raw));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const list = LIST_KEY.exec(line);
    const m = list ?? LINE.exec(line);
    if (!m || Object.hasOwn(data, m[1]) || m[1] === '__proto__') return undefined;
    let value: Value | undefined;
    if (list) {
      // key: followed by `- item` lines, all indented alike.
      const items: Value[] = [];
      const indent = /^( *)- /.exec(lines[i + 1] ?? '')?.[1];
      while (indent !== undefined && lines[i + 1]?.startsWith(`${indent}- `)) {
        const item = scalar(lines[++i].slice(indent.length + 2).trimEnd());
        if (item === undefined) return undefined;
        items.push(item);
      }
      value = items.length > 0 ? items : undefined;
    } else value = scalarOrFlow(m[2]);
    if (value === undefined) return undefined;
    data[m[1]] = value;
  }
  return data;
}

function scalarOrFlow(text: string): Value | undefined {
  if (text.startsWith('{')) return text.endsWith('}') ? flowMap(text.slice(1, -1)) : undefined;
  if (text.startsWith('[')) return text.endsWith(']') ? flowList(text.slice(1, -1)) : undefined;
  return scalar(text);
}

function scalar(text: string): Value | undefined {
  const quoted = QUOTED.exec(text);
  if (quoted) return quoted[1] ?? quoted[2];
  if (INTEGER.test(text)) return Number(text);
  if (DATE.test(text)) return text;
  return WORDS.test(text) && !SPECIAL.test(text) ? text : undefined;
}

function flowWord(text: string): string | undefined {
  const t = text.trim();
  return FLOW_WORDS.test(t) && !SPECIAL.test(t) && !/ {2}/.test(t) ? t : undefined;
}

function flowMap(inner: string): Record<string, Value> | undefined {
  const out: Record<string, Value> = {};
  if (inner.trim() === '') return out;
  for (const entry of inner.split(',')) {
    const m = /^\s*([^:]+):\s+(.+?)\s*$/.exec(entry);
    if (!m) return undefined;
    const key = m[1].trim();
    const value = flowWord(m[2]);
    if (!KEY.test(key) || Object.hasOwn(out, key) || key === '__proto__' || value === undefined) return undefined;
    out[key] = value;
  }
  return out;
}

function flowList(inner: string): Value[] | undefined {
  if (inner.trim() === '') return [];
  const out: Value[] = [];
  for (const item of inner.split(',')) {
    const word = flowWord(item);
    if (word === undefined) return undefined;
    out.push(word);
  }
  return out;
}
