/**
 * A selection checked against the corpus before anything is counted: a code, attribute, value or
 * speaker that nothing has would give an empty result that looks like a finding. Each such name is a
 * problem with the closest known name to suggest. Documents without the compare-by attribute are
 * named, because they are counted apart, under (none).
 */
import { closest } from '../codebook/suggest.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { AttributeValue } from '../ingest/document.js';
import { documentSelected, type Filter } from './filter.js';
import { NONE } from '../analysis/units.js';
import { attributeOf } from '../ingest/document.js';

/** What the check needs to know of a document. */
export interface DocumentFacts {
  id: string;
  path: string;
  attributes: Record<string, AttributeValue>;
  /** Speaker labels and roles of its coded segments. */
  speakers: string[];
  /** Speaker labels and roles of its segments left uncoded (skipSpeakers). */
  skippedSpeakers?: string[];
}

export interface SelectionProblem {
  message: string;
  hint?: string;
}

/** Attributes that are not front matter but still a `--by`. */
const BUILT_IN_BY = ['document', 'speaker'];

const valuesOf = (value: AttributeValue | undefined): string[] => (value === undefined ? [] : [value].flat());

const didYouMean = (word: string, known: readonly string[]) => {
  const guess = closest(word, known);
  return guess ? `; did you mean ${guess}?` : '';
};

/** A short list for a hint: the first `max` names, then how many more. */
function some(names: Iterable<string>, max = 12): string {
  const once = new Map<string, string>();
  for (const n of names) if (!once.has(n.toLowerCase())) once.set(n.toLowerCase(), n);
  const list = [...once.values()].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true }));
  return list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

/** Every `--code`, `--where` and `--speaker` name must be one that the codebook or the corpus has. */
export function checkFilter(filter: Filter, codes: readonly string[], documents: readonly DocumentFacts[]): SelectionProblem[] {
  const problems: SelectionProblem[] = [];
  for (const code of filter.codes) {
    if (!codes.includes(code))
      problems.push({
        message: `unknown code "${code}"${didYouMean(code, codes)}`,
        hint: 'use a code or cluster id of the codebook (qda codebook export --format md lists them)',
      });
  }
  const keys = [...new Set(documents.flatMap((d) => Object.keys(d.attributes)))];
  for (const [key, wanted] of [...filter.where]) {
    if (!keys.includes(key)) {
      problems.push({
        message: `no document has the attribute "${key}"${didYouMean(key, keys)}`,
        hint: `attributes of these documents: ${some(keys)}`,
      });
      continue;
    }
    const values = [...new Set(documents.flatMap((d) => valuesOf(attributeOf(d.attributes, key))))];
    const lower = new Set(values.map((v) => v.toLowerCase()));
    for (const value of wanted) {
      if (!lower.has(value.toLowerCase()))
        problems.push({ message: `no document has ${key} "${value}"${didYouMean(value, values)}`, hint: `values of ${key}: ${some(values)}` });
    }
  }
  if (problems.length > 0) return problems;
  const selected = documents.filter((d) => documentSelected(d.attributes, filter));
  const where = [...filter.where].map(([k, v]) => `${k}=${v.join(',')}`);
  if (selected.length === 0) return [{ message: `no document has all of ${where.join(' and ')}`, hint: 'drop one of the --where options' }];
  const speakers = [...new Set(selected.flatMap((d) => d.speakers))];
  const lower = new Set(speakers.map((s) => s.toLowerCase()));
  const skipped = new Set(selected.flatMap((d) => d.skippedSpeakers ?? []).map((s) => s.toLowerCase()));
  for (const speaker of filter.speakers) {
    if (lower.has(speaker.toLowerCase())) continue;
    if (skipped.has(speaker.toLowerCase())) {
      problems.push({
        message: `speaker "${speaker}" is not coded: it is one of the speakers to skip`,
        hint: 'take it (or its role) out of skipSpeakers in qda.yaml and --skip-speaker to count it',
      });
      continue;
    }
    const scope = where.length > 0 ? ` in the documents with ${where.join(' and ')}` : '';
    problems.push({
      message: `unknown speaker "${speaker}"${scope}${didYouMean(speaker, speakers)}`,
      hint: speakers.length > 0 ? `speakers (labels and roles): ${some(speakers)}` : 'these documents have no speaker labels',
    });
  }
  return problems;
}

/**
 * The compare-by attribute: a name that no (selected) document has is a problem when the user asked
 * for it; documents that lack it are named in a warning each, as they are counted under (none).
 */
export function checkBy(by: string, documents: readonly DocumentFacts[], filter: Filter): { problem?: SelectionProblem; missing: Diagnostic[] } {
  if (BUILT_IN_BY.includes(by)) return { missing: [] };
  const selected = documents.filter((d) => documentSelected(d.attributes, filter));
  const lacking = selected.filter((d) => valuesOf(attributeOf(d.attributes, by)).length === 0);
  if (lacking.length === selected.length && selected.length > 0) {
    const keys = [...new Set(documents.flatMap((d) => Object.keys(d.attributes)))];
    return {
      problem: {
        message: `no document has the attribute "${by}"${didYouMean(by, [...keys, ...BUILT_IN_BY])}`,
        hint: `compare by an attribute of the front matter (${some(keys)}), or by document or speaker`,
      },
      missing: [],
    };
  }
  const missing = lacking.map((d) =>
    diagnostic(
      'warning',
      d.path,
      'attribute/missing',
      `document ${d.id} has no ${by}; it is counted under ${NONE}`,
      { line: 1, column: 1 },
      `add \`${by}:\` to its front matter`,
    ),
  );
  return { missing };
}
