// Attribute names and values that are also the names of properties every JavaScript object has
// (constructor, toString, __proto__, …) are attributes like any other in --by, --where and compareBy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDocument } from '../../src/ingest/document.js';
import { parseWhere } from '../../src/select/filter.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { STACK } from './shared.js';

// A small codebook is enough: the names under test are attribute names, not codes.
const BOOK = readFileSync('tests/fixtures/small-codebook.yaml', 'utf8');

const RESERVED = Object.getOwnPropertyNames(Object.prototype);

function corpus(name: string, settings = ''): string {
  return tempDir({
    'qda.yaml': `corpus: ['*.md']\ncodebook: book.yaml\n${settings}`,
    'book.yaml': BOOK,
    'a.md': `---\n${name}: [bouw, ${name}x]\ndistrict: ${name}\n---\n\nKorte lijnen met school en de wachtlijst.\n`,
    'b.md': `---\n${name}: sloop\ndistrict: Zuid\n---\n\nDe wachtlijst is lang.\n`,
  });
}

const columns = (stdout: string): string[] => [...JSON.parse(stdout).columns].sort();

describe('reserved names as attributes', () => {
  test('the list covers the names of the issue', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) expect(RESERVED).toContain(name);
  });

  test.each(RESERVED)('%s', async (name) => {
    const dir = corpus(name);
    const by = await qda(['matrix', '--by', name, '--format', 'json', '-q'], { cwd: dir });
    expect(by.stderr).not.toMatch(STACK);
    expect(by.code, by.stderr).toBe(0);
    expect(columns(by.stdout)).toEqual(['bouw', `${name}x`, 'sloop'].sort());

    const where = await qda(['matrix', '--where', `${name}=sloop`, '--format', 'json', '-q'], { cwd: dir });
    expect(where.code, where.stderr).toBe(0);
    expect(columns(where.stdout)).toEqual(['Zuid']);

    const value = await qda(['matrix', '--where', `district=${name}`, '--format', 'json', '-q'], { cwd: dir });
    expect(value.code, value.stderr).toBe(0);
    expect(columns(value.stdout)).toEqual([name]);

    const compare = corpus(name, `compareBy: ${name}\n`);
    const analysed = await qda(['analyse', '--out', 'out', '-q'], { cwd: compare });
    expect(analysed.stderr).not.toMatch(STACK);
    expect(analysed.code, analysed.stderr).toBe(0);
    const header = readFileSync(join(compare, 'out/matrix-codes.csv'), 'utf8').split('\r\n')[0].split(',');
    expect(header.slice(2, -1).sort()).toEqual(['bouw', `${name}x`, 'sloop'].sort());

    for (const argv of [
      ['excerpts', '--where', `${name}=bouw`, '--format', 'json'],
      ['summary', '--by', name, '--format', 'json'],
      ['code', '--format', 'json'],
    ]) {
      const r = await qda([...argv, '-q'], { cwd: dir });
      expect(r.stderr, argv.join(' ')).not.toMatch(STACK);
      expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
    }
  });

  test('a front matter key __proto__ is an attribute and leaves the map’s prototype alone', () => {
    const { document } = readDocument('a.md', '---\n__proto__: [a, b]\nconstructor: x\n---\n\nTekst.\n');
    // The map inherits nothing: its prototype is an empty object without one (not the list).
    const prototype = Object.getPrototypeOf(document.attributes) as object;
    expect(Reflect.ownKeys(prototype)).toEqual([]);
    expect(Object.getPrototypeOf(prototype)).toBe(null);
    expect('toString' in document.attributes).toBe(false);
    expect(Object.hasOwn(document.attributes, '__proto__')).toBe(true);
    expect(Object.entries(document.attributes)).toEqual([
      ['__proto__', ['a', 'b']],
      ['constructor', 'x'],
    ]);
  });

  test('--where keeps a key __proto__ as a key', () => {
    const parsed = parseWhere(['__proto__=a', 'constructor=b,c', 'toString=d']);
    expect('where' in parsed && [...parsed.where]).toEqual([
      ['__proto__', ['a']],
      ['constructor', ['b', 'c']],
      ['toString', ['d']],
    ]);
  });
});
