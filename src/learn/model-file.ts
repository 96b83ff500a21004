/**
 * Model files: plain JSON with keys sorted at every level and numbers already rounded, so the same
 * training gives the same bytes and a retrained model diffs line by line. Reading checks the format,
 * version and every field, and reports a bad file as a Diagnostic naming it.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../position/line-index.js';
import { MODEL_FORMAT, MODEL_VERSION, type CodeModel, type Model } from './model.js';

export function modelJson(model: Model): string {
  return `${JSON.stringify(sortKeys(model), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(keys.map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export type ReadModel = { model: Model; diagnostics: [] } | { model?: undefined; diagnostics: Diagnostic[] };

export function readModel(path: string, text: string): ReadModel {
  const fail = (message: string, hint = 'train it again with qda learn --out FILE', at?: { line: number; column: number }): ReadModel => ({
    diagnostics: [diagnostic('error', path, 'model/file', message, at, hint)],
  });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message));
    const at = position ? new LineIndex(text).point(Number(position[1])) : undefined;
    return fail(`not a model file: the JSON does not parse (${(error as Error).message})`, 'give a file written by qda learn --out', at);
  }
  if (!isObject(data) || data.format !== MODEL_FORMAT)
    return fail(`not a model file: "format" is not "${MODEL_FORMAT}"`, 'give a file written by qda learn --out');
  if (data.version !== MODEL_VERSION)
    return fail(`model file version ${JSON.stringify(data.version)} is not supported (this qda reads version ${MODEL_VERSION})`);
  const problem = checkModel(data);
  return problem ? fail(`model file is damaged: ${problem}`) : { model: data as unknown as Model, diagnostics: [] };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);

/** The first thing wrong with a parsed model file, or undefined. */
function checkModel(data: Json): string | undefined {
  for (const key of ['name', 'generator', 'language', 'unit'] as const) if (!isString(data[key])) return `"${key}" is missing or not text`;
  const book = data.codebook;
  if (!isObject(book) || !isString(book.name) || !isString(book.hash)) return '"codebook" needs a name and a hash';
  const fit = data.fit;
  if (!isObject(fit) || !['l2', 'iterations', 'minPositives', 'minCount'].every((k) => isNumber(fit[k]))) return '"fit" is missing or incomplete';
  if (!isStringList(data.vocabulary)) return '"vocabulary" must be a list of features';
  const known = new Set(data.vocabulary);
  if (!Array.isArray(data.models)) return '"models" must be a list';
  for (const [i, m] of data.models.entries()) {
    const problem = checkCodeModel(m, known);
    if (problem) return `models[${i}]: ${problem}`;
  }
  if (!Array.isArray(data.tooFew) || !data.tooFew.every((t) => isObject(t) && isString(t.code) && isNumber(t.positives)))
    return '"tooFew" must list codes with their positives';
  const training = data.training;
  if (!isObject(training) || !isStringList(training.coders) || !Array.isArray(training.paragraphs)) return '"training" needs coders and paragraphs';
  for (const [i, p] of training.paragraphs.entries())
    if (!isObject(p) || !isString(p.document) || !isString(p.anchor) || !isStringList(p.codes))
      return `training.paragraphs[${i}] needs a document, an anchor and codes`;
  return undefined;
}

function checkCodeModel(m: unknown, known: Set<string>): string | undefined {
  if (!isObject(m) || !isString(m.code)) return 'needs a "code"';
  if (!isNumber(m.bias) || !isNumber(m.positives) || !isNumber(m.negatives)) return `${m.code} needs a bias and its counts`;
  if (!isObject(m.weights)) return `${m.code} needs "weights"`;
  for (const [feature, w] of Object.entries(m.weights as CodeModel['weights'])) {
    if (!known.has(feature)) return `${m.code} weighs "${feature}", which is not in the vocabulary`;
    if (!isNumber(w)) return `${m.code}'s weight of "${feature}" is not a number`;
  }
  return undefined;
}
