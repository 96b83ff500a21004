import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateEntry, ZipFile } from '../../src/exchange/zip-write.js';
import { StagedOutput } from '../../src/io/staged.js';
import { tempDir } from '../helpers/temp.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const FIXED = new Date(2000, 0, 1, 0, 0, 0);

describe('the zip writer', () => {
  it('gives the bytes zipSync gives for entries added whole', () => {
    const files: [string, Uint8Array][] = [
      ['project.qde', bytes('<Project name="p"/>\n'.repeat(50))],
      ['sources/a.txt', bytes('We bake bread 🍞 daily.\n')],
      ['sources/empty.txt', new Uint8Array(0)],
    ];
    const target = join(tempDir(), 'a.zip');
    const out = new StagedOutput(target);
    const zip = new ZipFile(out.file);
    for (const [name, data] of files) {
      const { entry, data: compressed } = deflateEntry(data);
      zip.add(name, entry, compressed);
    }
    zip.finish();
    out.commit();
    const expected = zipSync(Object.fromEntries(files.map(([n, d]) => [n, [d, { mtime: FIXED, level: 6 }]])), { mtime: FIXED });
    expect(Buffer.compare(readFileSync(target), Buffer.from(expected))).toBe(0);
  });

  it('streams an entry larger than its blocks, with the CRC and sizes filled in after', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `line ${i} of a long project file\n`).join('');
    const target = join(tempDir(), 's.zip');
    const out = new StagedOutput(target);
    const zip = new ZipFile(out.file);
    const stream = zip.stream('project.qde');
    const data = bytes(text);
    for (let i = 0; i < data.length; i += 10_007) stream.write(data.subarray(i, i + 10_007));
    stream.end();
    const { entry, data: compressed } = deflateEntry(bytes('after\n'));
    zip.add('sources/b.txt', entry, compressed);
    zip.finish();
    out.commit();
    const file = readFileSync(target);
    expect(file.readUInt32LE(14)).toBe(crc32(data));
    expect(file.readUInt32LE(22)).toBe(data.length);
    const entries = unzipSync(file);
    expect(new TextDecoder().decode(entries['project.qde'])).toBe(text);
    expect(new TextDecoder().decode(entries['sources/b.txt'])).toBe('after\n');
  });

  it('leaves nothing on abort, and removes what a run that is gone left beside the target', () => {
    const dir = tempDir();
    const target = join(dir, 'x.qdpx');
    writeFileSync(join(dir, 'x.qdpx.tmp-999999999-abc-sources'), 'left by a killed run');
    const out = new StagedOutput(target);
    out.spool('texts').append(bytes('some text'));
    expect(readdirSync(dir)).toHaveLength(2);
    out.abort();
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(target)).toBe(false);
  });
});
