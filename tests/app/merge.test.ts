// qda merge as a library call: the consensus and its counts as values, conflicts and bad resolutions
// as diagnostics, and nothing handed to the writer unless every conflict is settled.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CommandFailed } from '../../src/app/errors.js';
import { anchorOf } from '../../src/manual/anchor.js';
import { merge, openCorpus, type LockedWriter, type MergeRequest, type OpenedCorpus } from '../../src/index.js';
import { BRAM, P, project, sidecar } from '../helpers/two-coders.js';

const open = (dir: string): OpenedCorpus => {
  const outcome = openCorpus([], { unit: 'paragraph' }, dir);
  expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return outcome.result!;
};

/** A writer that keeps what it would write. */
function memoryWriter(): LockedWriter & { written: Map<string, string> } {
  const written = new Map<string, string>();
  return Object.assign((path: string, _shown: string, make: () => string) => void written.set(path, make()), { written });
}

const a1 = anchorOf(P.a1);
const request = (more: Partial<MergeRequest> = {}): MergeRequest => ({ coders: ['ana', 'bram'], into: 'consensus', ...more });

describe('merge', () => {
  test('--prefer settles every conflict; the counts and decisions are values, the file goes to the writer', () => {
    const dir = project();
    const write = memoryWriter();
    const outcome = merge(open(dir), request({ prefer: 'ana' }), write);
    expect(outcome.diagnostics).toEqual([]);
    const r = outcome.result!;
    expect(r.counts).toEqual({ agreed: 2, single: 3, resolved: 2 });
    expect(r.target).toBe(join('codings', 'consensus.csv'));
    expect(r.decisions.map((d) => [d.document, d.code, d.decision, d.note])).toEqual([
      ['a', 'organisation.communication', 'reject', 'resolved: ana preferred'],
      ['a', 'organisation.roles', 'add', 'resolved: ana preferred'],
      ['a', 'personal.relations', 'add', 'agreed'],
      ['a', 'institutional.capacity', 'add', 'only bram'],
      ['b', 'organisation.communication', 'reject', 'only bram'],
      ['b', 'organisation.roles', 'add', 'agreed'],
      ['b', 'personal.relations', 'add', 'only ana'],
    ]);
    expect([...write.written.keys()]).toEqual([join(dir, 'codings', 'consensus.csv')]);
    expect([...write.written.values()][0].split('\r\n')[1]).toBe(`a,${a1},organisation.communication,reject,resolved: ana preferred,5,${P.a1}`);
  });

  test('open conflicts are error diagnostics at their paragraph, and nothing is written', () => {
    const write = memoryWriter();
    const outcome = merge(open(project()), request(), write);
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics.map((d) => [d.file, d.line, d.rule, d.message])).toEqual([
      ['corpus/a.md', 5, 'merge/unresolved', 'no resolution for organisation.communication on this paragraph (ana reject, bram add)'],
      ['corpus/a.md', 5, 'merge/unresolved', 'no resolution for organisation.roles on this paragraph (ana add, bram reject)'],
    ]);
    expect(write.written.size).toBe(0);
  });

  test('bad resolutions are errors with their row, and nothing is written', () => {
    const dir = project();
    const row = (anchor: string, code: string, decision: string) => `a,corpus/a.md:5,${anchor},${code},x,y,z,tekst,${decision},`;
    writeFileSync(
      join(dir, 'r.csv'),
      [
        'document,where,anchor,code,label,ana,bram,text,decision,note',
        row(a1, 'organisation.communication', 'misschien'),
        row(a1, 'organisation.roles', 'add'),
        row(a1, 'organisation.roles', 'reject'),
        row(a1, 'personal.relations', 'add'),
        row(a1, 'no.such.code', 'add'),
        row('p-0000000000', 'organisation.roles', 'add'),
        row(a1, 'organisation.communication', ''),
      ].join('\n'),
    );
    const write = memoryWriter();
    const outcome = merge(open(dir), request({ resolutions: 'r.csv', prefer: 'ana' }), write);
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      'r.csv:2: row 2: decision "misschien" is neither add, reject nor one of ana, bram',
      'r.csv:4: row 4: row 3 already resolves organisation.roles on this paragraph of a',
      'r.csv:5: row 5: ana and bram do not differ on personal.relations here; there is nothing to resolve',
      'r.csv:6: row 6: unknown code "no.such.code"',
      'r.csv:7: row 7: the paragraph p-0000000000 of a has changed since the conflicts were listed',
    ]);
    expect(write.written.size).toBe(0);

    writeFileSync(join(dir, 'c.csv'), 'document,where,anchor,cluster,label,ana,bram,text,decision,note\n');
    expect(merge(open(dir), request({ resolutions: 'c.csv' }), write).diagnostics[0]).toMatchObject({
      file: 'c.csv',
      line: 1,
      message: 'the sheet lists clusters; a consensus is made of codes',
    });
  });

  test('a coder’s own conflict stops the merge', () => {
    const dir = project({ 'codings/bram.csv': sidecar([...BRAM, ['a1', 'personal.relations', 'reject']]) });
    const outcome = merge(open(dir), request({ prefer: 'ana' }), memoryWriter());
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics.map((d) => d.message)).toContain(
      'bram both adds and rejects personal.relations on the paragraph at corpus/a.md:5: added at codings/bram.csv:2, rejected at codings/bram.csv:7',
    );
  });

  test('wrong usage throws with exit status 2 before any work; a missing resolutions file is a problem of the input', () => {
    const opened = open(project());
    const status = (more: Partial<MergeRequest>) => {
      try {
        merge(opened, request(more), memoryWriter());
        return 0;
      } catch (error) {
        return error instanceof CommandFailed ? error.exitCode : -1;
      }
    };
    expect(status({ into: 'ana' })).toBe(2);
    expect(status({ coders: ['ana', 'qda'] })).toBe(2);
    expect(status({ coders: ['ana'] })).toBe(2);
    expect(status({ coders: ['ana', 'ana'] })).toBe(2);
    expect(status({ prefer: 'carl' })).toBe(2);
    expect(status({ into: '../x' })).toBe(2);
    expect(status({ resolutions: 'missing.csv' })).toBe(1);
    expect(status({ coders: ['ana', 'carl'] })).toBe(1);
  });
});
