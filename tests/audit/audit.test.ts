import { describe, expect, it } from 'vitest';
import { AuditBuilder, suspicions } from '../../src/audit/audit.js';
import { parseCodebook } from '../../src/codebook/load.js';
import type { Coding, Evidence } from '../../src/coding/coding.js';
import { stemmerFor } from '../../src/match/stem.js';
import { qda } from '../helpers/run-cli.js';
import { auditProject, BOOK } from '../helpers/audit-project.js';

const stem = stemmerFor('nl');

function evidence(term: string, kind: Evidence['kind'], text: string, start = 0): Evidence {
  return { term, kind, text, range: { start, end: start + text.length } };
}

function coding(code: string, ev: Evidence[]): Coding {
  return { documentId: 'd', segment: 1, code, cluster: 'people', source: 'auto', coder: 'qda', hits: ev.length, evidence: ev };
}

describe('the term audit', () => {
  const book = parseCodebook('book.yaml', BOOK).codebook!;

  it('counts segments per code and per term, and the words each term matched', () => {
    const b = new AuditBuilder(book, { topicShare: 0.5, stem });
    b.addSegment('a', [coding('people.roles', [evidence('rol*', 'prefix', 'rollen'), evidence('regie', 'stem', 'regie', 10)])]);
    b.addSegment('a', [coding('people.roles', [evidence('rol*', 'prefix', 'Rol'), evidence('rol*', 'prefix', 'rollen', 5)])]);
    b.addSegment('b', []);
    b.addSegment('b', [coding('people.skills', [evidence('*vaardigheid', 'suffix', 'gespreksvaardigheid')])]);
    const audit = b.result();
    expect(audit.segments).toBe(4);
    expect(audit.documents).toBe(2);
    const roles = audit.codes.find((c) => c.id === 'people.roles')!;
    expect(roles).toMatchObject({ segments: 2, share: 0.5, documents: 1 });
    const rol = roles.terms.find((t) => t.term === 'rol*')!;
    expect(rol.segments).toBe(2);
    expect(rol.matches).toBe(3);
    expect(rol.forms.map((f) => [f.form, f.count, f.segments])).toEqual([
      ['rollen', 2, 2],
      ['rol', 1, 1],
    ]);
    expect(audit.codes.find((c) => c.id === 'people')!.segments).toBe(0);
  });

  it('flags a term that fires in more than the topic share of segments', () => {
    const b = new AuditBuilder(book, { topicShare: 0.4, stem });
    for (let i = 0; i < 5; i++) b.addSegment('a', i < 3 ? [coding('people.skills', [evidence('samenwerk*', 'prefix', 'samenwerking')])] : []);
    const term = b.result().codes.find((c) => c.id === 'people.skills')!.terms[0];
    expect(term.share).toBeCloseTo(0.6);
    expect(term.flags).toEqual(['topic']);
    const quiet = new AuditBuilder(book, { topicShare: 0.7, stem });
    for (let i = 0; i < 5; i++) quiet.addSegment('a', i < 3 ? [coding('people.skills', [evidence('samenwerk*', 'prefix', 'samenwerking')])] : []);
    expect(quiet.result().codes.find((c) => c.id === 'people.skills')!.terms[0].flags).toEqual([]);
  });

  it('suspects a wildcard match only when two signs meet, and never an inflection', () => {
    const alone = { count: 3, segments: 3, alone: 3 };
    const accompanied = { count: 3, segments: 3, alone: 0 };
    // far in spelling and alone: rolstoel is not a role
    expect(suspicions('rol*', 'prefix', 'rolstoel', alone, { topicShare: 0.1, stem })).toEqual(['spelling', 'stands alone']);
    expect(suspicions('rol*', 'prefix', 'rolstoel', accompanied, { topicShare: 0.1, stem })).toEqual([]);
    // an everyday word of the background that stands alone
    const everyday = (w: string) => w === 'rechtvaardigheid' || w === 'rollen';
    expect(suspicions('*vaardigheid', 'suffix', 'rechtvaardigheid', alone, { topicShare: 0.1, stem, everyday })).toEqual([
      'everyday word',
      'stands alone',
    ]);
    expect(suspicions('*vaardigheid', 'suffix', 'rechtvaardigheid', alone, { topicShare: 0.1, stem })).toEqual([]);
    // inflections are the term itself
    expect(suspicions('rol*', 'prefix', 'rollen', alone, { topicShare: 0.1, stem, everyday })).toEqual([]);
    expect(suspicions('korte lijnen', 'phrase', 'korte lijnen', alone, { topicShare: 0.1, stem })).toEqual([]);
  });
});

describe('qda codebook audit', () => {
  it('lists matched words, flags topic words and suspect wildcards; the summary line counts them', async () => {
    const dir = auditProject();
    const table = await qda(['codebook', 'audit', dir, '--topic-share', '0.3']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^6 segments in 1 document;/);
    expect(table.stdout).toMatch(/samenwerk\*\s+prefix\s+2\s+33\.3%\s+topic/);
    expect(table.stdout).toMatch(/rol\*.*collision.*rolstoel ×2 \(\? spelling, (everyday word, )?stands alone\)/);
    expect(table.stderr).toMatch(/audited 3 terms that matched in 6 segments: 2 topic words, 1 term with suspect matches/);

    // The other formats and --flagged are tested on the library (tests/app/audit.test.ts).
  });

  it('refuses a topic share outside 0..1 as wrong usage', async () => {
    const result = await qda(['codebook', 'audit', auditProject(), '--topic-share', '2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--topic-share must be a share between 0 and 1/);
  });
});
