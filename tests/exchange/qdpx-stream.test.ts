// qda export qdpx writes the archive as a stream: a document at a time, never the corpus in memory.
// Shown with a heap too small for the texts: 20 MB of documents go through the writer in a process
// limited to a 16 MB heap, while the same run that also keeps every text (as an archive built in
// memory must) runs out of memory. Memory, not time, decides, so a busy machine only makes it slower.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';

const CHILD = join(process.cwd(), 'tests', 'exchange', 'export-stream-child.mjs');
const BUILT = existsSync(join(process.cwd(), 'dist', 'exchange', 'qdpx-write.js'));
const HEAP_MB = 16;
const DOCUMENTS = 100;
const SIZE = 200_000;

function run(out: string, hold: boolean): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const args = [`--max-old-space-size=${HEAP_MB}`, CHILD, out, String(DOCUMENTS), String(SIZE), ...(hold ? ['hold'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

describe.runIf(BUILT)('qda export qdpx as a stream', () => {
  it('writes 20 MB of documents within a 16 MB heap, which holding the texts does not fit', async () => {
    const dir = tempDir();
    const [streamed, held] = await Promise.all([run(join(dir, 's.qdpx'), false), run(join(dir, 'h.qdpx'), true)]);
    expect(streamed.status, streamed.stderr).toBe(0);
    expect(JSON.parse(streamed.stdout)).toMatchObject({ sources: DOCUMENTS, selections: 3 * DOCUMENTS });
    expect(held.status).not.toBe(0);
    expect(held.stderr).toMatch(/heap out of memory/i);

    const entries = unzipSync(readFileSync(join(dir, 's.qdpx')));
    const names = Object.keys(entries);
    expect(names[0]).toBe('project.qde');
    expect(names).toHaveLength(DOCUMENTS + 1);
    const texts = names.slice(1).map((n) => new TextDecoder().decode(entries[n]));
    expect(texts.reduce((n, t) => n + t.length, 0)).toBeGreaterThan(DOCUMENTS * SIZE);
    expect(texts.map((t) => /of visit (\d+)/.exec(t)?.[1])).toEqual(Array.from({ length: DOCUMENTS }, (_, i) => String(i)));
    const qde = new TextDecoder().decode(entries['project.qde']);
    expect(qde.match(/<TextSource /g)).toHaveLength(DOCUMENTS);
    expect(qde.trimEnd().endsWith('</Project>')).toBe(true);
    // Nothing is left beside the archive: no spool or temporary file (the run that died leaves its
    // own, which the next export to that name removes).
    expect(readdirSync(dir).filter((n) => n.startsWith('s.qdpx'))).toEqual(['s.qdpx']);
    expect(existsSync(join(dir, 'h.qdpx'))).toBe(false);
  }, 240_000);
});
