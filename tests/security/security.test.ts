// What docs/security.md promises about the network and about where qda writes.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { ANALYSE_FILES, tempDir } from '../helpers/temp.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('no network', () => {
  test('analyse, summary and eval open no socket, look up no host and fetch nothing', async () => {
    const calls: string[] = [];
    const refuse = (name: string) => () => {
      calls.push(name);
      throw new Error(`network used: ${name}`);
    };
    vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse('net.connect'));
    vi.spyOn(http, 'request').mockImplementation(refuse('http.request'));
    vi.spyOn(https, 'request').mockImplementation(refuse('https.request'));
    vi.spyOn(dns, 'lookup').mockImplementation(refuse('dns.lookup'));
    vi.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch'));
    const out = tempDir();
    expect((await qda(['analyse', 'examples/rotterdam', '--out', out, '-q'])).code).toBe(0);
    expect((await qda(['summary', 'examples/rotterdam', '-q'])).code).toBe(0);
    expect((await qda(['eval', 'eval/hall-nl.test.yaml'])).code).toBe(0);
    expect(calls).toEqual([]);
  });

  test('no source file imports a network module or calls fetch', () => {
    const sources = listFiles('src').filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(30);
    for (const file of sources) {
      const text = readFileSync(join('src', file), 'utf8');
      expect(text, file).not.toMatch(/from '(node:)?(net|http|https|http2|dns|tls|dgram)'|\bfetch\(|XMLHttpRequest|WebSocket/);
    }
  });
});

describe('writes stay where they belong', () => {
  const hostile = {
    'corpus/a.md': '---\nid: ../../../escape\ndistrict: ../../outside\nrole: "/etc/passwd"\n---\n\nWe hebben korte lijnen met de school.\n',
    'corpus/b.md': '---\nid: "x/../../y"\ndistrict: "..\\\\..\\\\win"\n---\n\nDe wachtlijst is lang.\n',
    'qda.yaml': 'corpus: [corpus/**/*.md]\n',
  };

  test('names from the data never choose a path: analyse writes only its fixed files in the output folder', async () => {
    const dir = tempDir(hostile);
    const before = listFiles(dir);
    const r = await qda(['analyse', '.', '--codebook', join(process.cwd(), 'tests/fixtures/small-codebook.yaml')], { cwd: dir });
    expect(r.code).toBe(0);
    const added = listFiles(dir).filter((f) => !before.includes(f));
    expect(added.every((f) => f.startsWith(`out${'/'}`))).toBe(true);
    expect(added.map((f) => f.slice(4)).sort()).toEqual(ANALYSE_FILES);
  });

  test('inputs are never modified', async () => {
    const dir = tempDir(hostile);
    const files = listFiles(dir);
    const stamp = () => files.map((f) => [f, readFileSync(join(dir, f), 'utf8'), statSync(join(dir, f)).mtimeMs]);
    const before = stamp();
    await qda(['analyse', '.', '--codebook', join(process.cwd(), 'tests/fixtures/small-codebook.yaml'), '-q'], { cwd: dir });
    await qda(
      ['code', '.', '--format', 'json', '--out', 'codings.json', '--codebook', join(process.cwd(), 'tests/fixtures/small-codebook.yaml'), '-q'],
      { cwd: dir },
    );
    expect(stamp()).toEqual(before);
  });

  test('a failed run leaves no temporary files behind', async () => {
    const dir = tempDir({ ...hostile, 'corpus/c.md': '---\ndistrict: [\n---\nkapot\n' });
    const before = listFiles(dir);
    const r = await qda(['analyse', '.', '--out', 'out'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(listFiles(dir)).toEqual(before);
  });
});
