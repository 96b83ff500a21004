// qda export qdpx --validate: the project.qde is checked against the bundled schema before anything is
// written. To see a failure, the writer is made to drop the required name of the project.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { codingsOf, unzip, utf8 } from './helpers.js';

const broken = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/exchange/qde-write.js', async (original) => {
  const real = await original<typeof import('../../src/exchange/qde-write.js')>();
  return {
    ...real,
    qdeHead: (...args: Parameters<typeof real.qdeHead>) => {
      const xml = real.qdeHead(...args);
      return broken.on ? xml.replace(/(<Project [^>]*?) name="[^"]*"/, '$1') : xml;
    },
  };
});

afterEach(() => {
  broken.on = false;
});

const ROTTERDAM = join(process.cwd(), 'examples', 'rotterdam');
const project = {
  'qda.yaml': 'corpus: [corpus/*.md]\ncodebook: book.yaml\n',
  'book.yaml': 'name: t\nlanguage: en\ncodes:\n  - id: food\n    terms: [bread]\n',
  'corpus/a.md': '---\nid: a\n---\n\nWe bake bread.\n',
};

describe('qda export qdpx --validate', () => {
  it('checks the written project against the schema and says so', async () => {
    const dir = tempDir(project);
    const out = await qda(['export', 'qdpx', join(dir, 'a.qdpx'), dir, '--validate']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toMatch(/exported 1 document, 1 code, 1 coding, .* to .*a\.qdpx \(valid REFI-QDA\)$/m);
    expect(existsSync(join(dir, 'a.qdpx'))).toBe(true);
  });

  it('on a schema problem: the line and what is wrong, exit 1, no file written and an old one left as it was', async () => {
    const dir = tempDir({ ...project, 'old.qdpx': 'earlier export' });
    broken.on = true;
    const fresh = await qda(['export', 'qdpx', join(dir, 'new.qdpx'), dir, '--validate']);
    expect(fresh.code).toBe(1);
    expect(fresh.stdout).toBe('');
    expect(fresh.stderr).toMatch(
      /new\.qdpx \(project\.qde\):2(:\d+)?: error: does not validate against the REFI-QDA project schema: .*The attribute 'name' is required/,
    );
    expect(fresh.stderr).toMatch(/new\.qdpx was not written/);
    expect(fresh.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'new.qdpx'))).toBe(false);

    const again = await qda(['export', 'qdpx', join(dir, 'old.qdpx'), dir, '--validate']);
    expect(again.code).toBe(1);
    expect(readFileSync(join(dir, 'old.qdpx'), 'utf8')).toBe('earlier export');

    // Without --validate the same broken writer's output is written: the check is what stops it.
    const unchecked = await qda(['export', 'qdpx', join(dir, 'new.qdpx'), dir, '--quiet']);
    expect(unchecked.code).toBe(0);
    expect(utf8(unzip(join(dir, 'new.qdpx'))['project.qde'])).not.toMatch(/<Project [^>]* name=/);
  });
});

describe('qda export qdpx --manual-only', () => {
  it('exports exactly the hand-made codings, and other bytes than the full export', async () => {
    const dir = tempDir();
    const full = join(dir, 'full.qdpx');
    const manual = join(dir, 'manual.qdpx');
    expect((await qda(['export', 'qdpx', full, ROTTERDAM, '--quiet'])).code).toBe(0);
    const out = await qda(['export', 'qdpx', manual, ROTTERDAM, '--manual-only', '--validate']);
    expect(out.code, out.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(full), readFileSync(manual))).not.toBe(0);

    const count = (file: string) => [...utf8(unzip(file)['project.qde']).matchAll(/<Coding /g)].length;
    const all = await codingsOf([ROTTERDAM]);
    const byHand = await codingsOf([ROTTERDAM, '--manual-only']);
    expect(byHand.set.length).toBeGreaterThan(100);
    expect(byHand.set.length).toBeLessThan(all.set.length);
    expect(count(full)).toBe(all.set.length);
    expect(count(manual)).toBe(byHand.set.length);
    expect(out.stderr).toContain(`${byHand.set.length} codings (manual only)`);
  });
});
