/** For the exchange tests: the REFI-QDA files in tests/fixtures/refi-qda, schema validation, zips. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { expect } from 'vitest';
import { validateRefi, type SchemaName } from '../../src/exchange/validate.js';
import { qda } from '../helpers/run-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Exports of other programs, and imitations of their structure (see the README there). */
export const sample = (name: string) => join(ROOT, 'tests', 'fixtures', 'refi-qda', name);

/** Checks XML against the bundled schema as `qda export qdpx --validate` does. */
export async function validate(xml: string, schema: SchemaName): Promise<{ valid: boolean; errors: string[] }> {
  const problems = await validateRefi(xml, schema);
  return { valid: problems.length === 0, errors: problems.map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message)) };
}

export function unzip(path: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path));
}

export const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Code points [start, end) of a text. */
export function codePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

interface JsonCode {
  id: string;
  source: string;
  coder: string;
}
interface JsonDoc {
  id: string;
  attributes: Record<string, string | string[]>;
  segments: { text: string; codes: JsonCode[] }[];
}

/** (document, code, coder, text) of every coding `qda code --format json` gives. */
export async function codingsOf(args: string[]): Promise<{ set: string[]; docs: JsonDoc[] }> {
  const out = await qda(['code', ...args, '--format', 'json', '--quiet']);
  expect(out.code, out.stderr).toBe(0);
  const docs = (JSON.parse(out.stdout) as { documents: JsonDoc[] }).documents;
  const set = docs.flatMap((d) => d.segments.flatMap((s) => s.codes.map((c) => `${d.id}|${c.id}|${c.coder}|${s.text}`)));
  return { set: set.sort(), docs };
}
