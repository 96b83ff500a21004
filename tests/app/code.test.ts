// qda code as a library call: the codings stream document by document, the totals fill in as they
// are read, and each format gives the bytes the command writes.
import { describe, expect, test } from 'vitest';
import { code, formatNames, getFormatter, openCorpus } from '../../src/index.js';
import { qda } from '../helpers/run-cli.js';

const FIXTURE = 'tests/fixtures/analysis';
const open = () => openCorpus([FIXTURE], {}, process.cwd()).result!;

describe('code()', () => {
  test('documents are coded as they are read; the totals count what was read', () => {
    const { totals, documents } = code(open()).result!;
    expect(totals.documents).toBe(0);
    const seen = [...documents];
    expect(seen.map((d) => d.document.path)).toEqual([`${FIXTURE}/corpus/a.md`, `${FIXTURE}/corpus/b.md`, `${FIXTURE}/corpus/c.md`]);
    expect(totals.documents).toBe(3);
    expect(totals.segments).toBe(seen.reduce((n, d) => n + d.segments.length, 0));
    expect(totals.coded).toBe(5);
  });

  test.each(formatNames('codings'))('--format %s: the library writes what qda code writes', async (format) => {
    const text = [...(await getFormatter('codings', format))(code(open()).result!, {})].join('');
    const cli = await qda(['code', FIXTURE, '-q', '--format', format]);
    expect(cli.code).toBe(0);
    expect(text).toBe(cli.stdout);
    expect(text.length).toBeGreaterThan(100);
  });
});
