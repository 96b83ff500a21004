/**
 * What a user narrows an analysis to: codes (a cluster or parent id stands for all codes under it),
 * attribute values (`--where district=Crooswijk,Hillesluis`) and speakers (label or role).
 */
import type { AttributeValue } from '../ingest/document.js';
import type { Segment } from '../ingest/document.js';
import { attributeOf } from '../ingest/document.js';

export interface Filter {
  codes: string[];
  /** Attribute → accepted values (any of them); every attribute must match. */
  where: Map<string, string[]>;
  speakers: string[];
}

export const NO_FILTER: Filter = { codes: [], where: new Map(), speakers: [] };

/** Parse `key=value[,value]` items; returns an error message for a malformed one. */
export function parseWhere(items: string[]): { where: Map<string, string[]> } | { error: string } {
  // A Map: attribute names are the user's, `constructor` or `__proto__` included.
  const where = new Map<string, string[]>();
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0 || eq === item.length - 1) return { error: `--where "${item}" must look like key=value` };
    const key = item.slice(0, eq).trim();
    where.set(key, [
      ...(where.get(key) ?? []),
      ...item
        .slice(eq + 1)
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ]);
  }
  return { where };
}

export function codeSelected(code: string, filter: Filter): boolean {
  return filter.codes.length === 0 || filter.codes.some((c) => code === c || code.startsWith(`${c}.`));
}

export function documentSelected(attributes: Record<string, AttributeValue>, filter: Filter): boolean {
  return [...filter.where].every(([key, wanted]) => {
    const value = attributeOf(attributes, key);
    if (value === undefined) return false;
    const values = (Array.isArray(value) ? value : [value]).map((v) => v.toLowerCase());
    return wanted.some((w) => values.includes(w.toLowerCase()));
  });
}

export function speakerSelected(segment: Segment, filter: Filter): boolean {
  if (filter.speakers.length === 0) return true;
  const names = [segment.speaker, segment.speakerRole].filter((s): s is string => s !== undefined).map((s) => s.toLowerCase());
  return filter.speakers.some((s) => names.includes(s.toLowerCase()));
}
