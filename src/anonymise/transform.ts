/**
 * One text through a key, both ways. Forward, each original becomes its pseudonym; in front matter
 * and in speaker labels it is written without brackets (`Persoon 3`), since there brackets would make
 * a YAML list or stop the label from being a label. Back, every form of a pseudonym becomes its
 * original again; the corpus held none of them before (see key.ts), so this restores byte for byte.
 */
import { speakerLabels } from './detect.js';
import { bare } from './kinds.js';
import type { KeyEntry } from './key.js';
import { Replacer, type Replaced } from './replace.js';

export interface Direction {
  replacer: Replacer;
  /** Forward: brackets are dropped in front matter and speaker labels. */
  forward: boolean;
}

export function forwardOf(entries: KeyEntry[]): Direction {
  return { forward: true, replacer: new Replacer(entries.map((e) => ({ from: e.original, to: e.pseudonym }))) };
}

export function reverseOf(entries: KeyEntry[]): Direction {
  const replacements = entries.flatMap((e) => {
    const forms = [e.pseudonym, bare(e.pseudonym)].filter((f, i, all) => all.indexOf(f) === i);
    return forms.map((from) => ({ from, to: e.original }));
  });
  return { forward: false, replacer: new Replacer(replacements) };
}

/** Where a text has front matter and speaker labels: what forward replacement must know of it. */
export interface Layout {
  /** Offset where the body starts; before it, front matter (YAML). */
  bodyStart: number;
  /** Declared speaker labels and their roles. */
  speakers: ReadonlyMap<string, string>;
}

/** A YAML file such as qda.yaml: all of it is front matter. */
export const yamlLayout = (text: string): Layout => ({ bodyStart: text.length, speakers: new Map() });

export function transformText(text: string, layout: Layout, direction: Direction): string {
  if (!direction.forward) return direction.replacer.replace(text);
  const labels = speakerLabels(text, layout.bodyStart, layout.speakers);
  // Replacements come in text order, as do the labels: one pointer walks the labels.
  let next = 0;
  const inLabel = (r: Replaced) => {
    while (next < labels.length && labels[next].end <= r.start) next++;
    return next < labels.length && r.start >= labels[next].start && r.end <= labels[next].end;
  };
  // Between [ and ] the bare form would read back as the bracketed one: there the brackets stay.
  const plain = (r: Replaced) => (r.start < layout.bodyStart || inLabel(r)) && !(text[r.start - 1] === '[' && text[r.end] === ']');
  return direction.replacer.replace(text, (r) => (plain(r) ? bare(r.replacement.to) : r.replacement.to));
}
