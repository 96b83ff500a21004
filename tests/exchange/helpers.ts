/** For the exchange tests: the REFI-QDA files in tests/fixtures/refi-qda, XSD validation, zips. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { validateXML } from 'xmllint-wasm';
import { expect } from 'vitest';
import { qda } from '../helpers/run-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Exports of other programs, and imitations of their structure (see the README there). */
export const sample = (name: string) => join(ROOT, 'tests', 'fixtures', 'refi-qda', name);

export async function validate(xml: string, schema: 'Project' | 'Codebook'): Promise<{ valid: boolean; errors: string[] }> {
  const xsd = readFileSync(join(ROOT, 'schemas', 'refi-qda', `${schema}-mrt2019.xsd`), 'utf8');
  const result = await validateXML({ xml: [{ fileName: 'file.xml', contents: xml }], schema: [{ fileName: 'schema.xsd', contents: xsd }] });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
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
