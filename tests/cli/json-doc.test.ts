// The JSON of qda search and qda words checked against docs/json.md: every field the page lists is
// there with the type it gives, and no field is there that the page does not list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const BOOK = join(process.cwd(), 'tests/fixtures/small-codebook.yaml');
const PAGE = readFileSync('docs/json.md', 'utf8');

interface Field {
  type: string;
  optional: boolean;
}

/** The field table under a heading of docs/json.md: path → type. */
function documented(heading: string): Map<string, Field> {
  const start = PAGE.indexOf(`## ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = PAGE.indexOf('\n## ', start + 1);
  const section = PAGE.slice(start, end < 0 ? undefined : end);
  const fields = new Map<string, Field>();
  for (const m of section.matchAll(/^\| `([^`]+)` \| `([^`]+)`(?: or `([^`]+)`)? \|/gm)) {
    const type = m[3] ? `${m[2]} or ${m[3]}` : m[2];
    fields.set(m[1], { type: type.replace(/\?$/, ''), optional: type.endsWith('?') });
  }
  return fields;
}

function typeOk(value: unknown, type: string): boolean {
  if (type.includes(' or ')) return type.split(' or ').some((t) => typeOk(value, t));
  if (type === '[integer, integer]') return Array.isArray(value) && value.length === 2 && value.every(Number.isInteger);
  if (type.endsWith('[]')) return Array.isArray(value) && value.every((v) => typeOk(v, type.slice(0, -2)));
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    default:
      throw new Error(`docs/json.md: unknown type "${type}"`);
  }
}

/**
 * Every field of `json` checked against `fields`: documented, of its type, and each documented field
 * present (an optional one at least once). An object is looked into when the page lists fields under it.
 */
function checkAgainst(json: unknown, fields: Map<string, Field>): void {
  const seen = new Set<string>();
  const visit = (value: Record<string, unknown>, prefix: string) => {
    for (const [path, field] of fields) {
      const key = path.slice(prefix.length);
      if (!path.startsWith(prefix) || key.includes('.') || key.includes('[]')) continue;
      if (!field.optional) expect(Object.keys(value), `${path} is documented but missing`).toContain(key);
    }
    for (const [key, v] of Object.entries(value)) {
      const path = prefix + key;
      const field = fields.get(path);
      expect(field, `${path} is in the output but not in docs/json.md`).toBeDefined();
      expect(typeOk(v, field!.type), `${path}: ${JSON.stringify(v)} is not ${field!.type}`).toBe(true);
      seen.add(path);
      const below = [...fields.keys()].some((p) => p.startsWith(`${path}.`) || p.startsWith(`${path}[].`));
      if (!below) continue;
      if (Array.isArray(v)) for (const item of v) visit(item as Record<string, unknown>, `${path}[].`);
      else visit(v as Record<string, unknown>, `${path}.`);
    }
  };
  visit(json as Record<string, unknown>, '');
  expect(
    [...fields.keys()].filter((p) => !seen.has(p)),
    'documented fields the output never showed',
  ).toEqual([]);
}

const doc = (district: string, body: string) => `---\ndistrict: ${district}\nspeakers: { R: kindcoach }\n---\n\n${body}\n`;
const CORPUS = {
  'noord.md': doc(
    'Noord',
    `**R:** ${'wijkteam '.repeat(9)}regisseur regisseur appel peer kers pruim druif meloen banaan.\n\nKorte lijnen met het wijkteam.`,
  ),
  'zuid.md': doc(
    'Zuid',
    `${'wijkteam '.repeat(5)}tafel stoel kast lamp deur raam muur vloer plafond fiets auto trein tram bus boot zolder kelder tuin schuur garage step kar scooter vliegtuig tent hut molen brug sluis dijk polder weide sloot akker.`,
  ),
};

async function output(args: string[]): Promise<unknown> {
  const r = await qda([...args, '--codebook', BOOK, '--format', 'json', '-q'], { cwd: tempDir(CORPUS) });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('docs/json.md describes the JSON as it is', () => {
  test('qda search --format json', async () => {
    const fields = documented('`qda search --format json`');
    expect(fields.size).toBeGreaterThan(20);
    checkAgainst(await output(['search', 'wijkteam OR "korte lijnen"']), fields);
  });

  test('qda words --format json', async () => {
    const fields = documented('`qda words --format json`');
    expect(fields.size).toBeGreaterThan(20);
    // --min-g2 0 lets in terms that are not significant, so that pBelow is seen as a number and as null.
    const json = (await output(['words', '--min-count', '1', '--ngram', '1-2', '--min-g2', '0'])) as {
      groups: { distinctive: { pBelow: unknown }[] }[];
    };
    expect(json.groups[0].distinctive.map((d) => d.pBelow)).toEqual(expect.arrayContaining([0.05, null]));
    checkAgainst(json, fields);
  });

  test('the checker itself: an undocumented field, a missing one and a wrong type are caught', () => {
    const fields = new Map<string, Field>([
      ['a', { type: 'integer', optional: false }],
      ['b', { type: 'string or null', optional: true }],
    ]);
    expect(() => checkAgainst({ a: 1, b: null }, fields)).not.toThrow();
    expect(() => checkAgainst({ a: 1, b: 'x', c: 2 }, fields)).toThrow(/c is in the output but not in docs/);
    expect(() => checkAgainst({ b: 'x' }, fields)).toThrow(/a is documented but missing/);
    expect(() => checkAgainst({ a: 1.5, b: 'x' }, fields)).toThrow(/a: 1.5 is not integer/);
  });
});
