/** Document attributes of an imported project: from each source's own values, from cases that name it, and from sets. */
import type { ExProject } from '../model.js';
import type { Leave } from './left-out.js';

export type Attributes = Record<string, string | string[]>;

/** Front-matter keys that tell qda how to read a file: a variable of that name gets `-attribute` added. */
const RESERVED_KEYS = new Set(['id', 'speakers', 'narration', 'plain']);

/** Source GUID → its attributes. */
export function sourceAttributes(project: ExProject, leave: Leave): Map<string, Attributes> {
  const names = new Map(project.variables.map((v) => [v.guid, v.name]));
  const out = new Map<string, Attributes>();
  const add = (source: string, key: string, value: string, dedupe = true) => {
    const k = RESERVED_KEYS.has(key) ? `${key}-attribute` : key;
    const attrs = out.get(source) ?? {};
    const old = attrs[k];
    if (old === undefined) attrs[k] = value;
    else if (Array.isArray(old)) {
      if (!dedupe || !old.includes(value)) old.push(value);
    } else if (!dedupe || old !== value) attrs[k] = [old, value];
    out.set(source, attrs);
  };
  for (const s of project.sources)
    for (const v of s.values) if (v.value !== undefined) add(s.guid, names.get(v.variable) ?? 'variable', v.value, false);
  for (const c of project.cases) {
    if (c.sources.length === 0) {
      leave('cases that name no source', c.name ? `«${c.name}»` : undefined);
      continue;
    }
    for (const s of c.sources) {
      if (c.name) add(s, 'case', c.name);
      for (const v of c.values) if (v.value !== undefined) add(s, names.get(v.variable) ?? 'variable', v.value);
    }
  }
  for (const set of project.sets) {
    if (set.sources.length === 0) {
      if (set.codes.length > 0 || set.notes.length > 0) leave('sets of codes or notes (code groups)', `«${set.name}»`);
      continue;
    }
    const pair = /^([^:]{1,60}):\s*(.+)$/.exec(set.name);
    for (const s of set.sources) {
      if (pair) add(s, pair[1].trim(), pair[2].trim());
      else add(s, 'sets', set.name);
    }
  }
  // A single value in `sets` stays a list, so that documents compare alike.
  for (const attrs of out.values()) if (typeof attrs.sets === 'string') attrs.sets = [attrs.sets];
  return out;
}
