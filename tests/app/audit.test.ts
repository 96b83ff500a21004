// qda codebook audit as a library call: the audit as values, its formats from the registry.
import { describe, expect, test } from 'vitest';
import { audit, getFormatter, openCorpus, type OpenedCorpus } from '../../src/index.js';
import { auditProject } from '../helpers/audit-project.js';

const open = (): OpenedCorpus => openCorpus([], {}, auditProject()).result!;

describe('audit', () => {
  test('segments per code and term, the forms each term matched, topic words by the share asked', () => {
    const outcome = audit(open(), { topicShare: 0.3 });
    expect(outcome.diagnostics).toEqual([]);
    const a = outcome.result!.audit;
    expect([a.segments, a.documents, a.topicShare]).toEqual([6, 1, 0.3]);
    const roles = a.codes.find((c) => c.id === 'people.roles')!;
    expect(roles.segments).toBe(3);
    const rol = roles.terms.find((t) => t.term === 'rol*')!;
    expect(rol.forms.map((f) => f.form)).toEqual(['rolstoel', 'rol']);
    expect(rol.flags).toContain('collision');
    expect(a.codes.find((c) => c.id === 'people.skills')!.terms[0]).toMatchObject({ term: 'samenwerk*', segments: 2, flags: ['topic'] });
    // By default (10%) every term that fires in one of six segments is a topic word.
    expect(audit(open()).result!.audit.topicShare).toBe(0.1);
  });

  test('the formats: JSON holds the audit, CSV of --flagged only the flagged terms', async () => {
    const opened = open();
    const json = JSON.parse((await getFormatter('audit', 'json'))(audit(opened, { topicShare: 0.3 }).result!, {}));
    expect(json.codes.find((c: { id: string }) => c.id === 'people.roles').segments).toBe(3);
    const csv = (await getFormatter('audit', 'csv'))(audit(opened, { topicShare: 0.3, flaggedOnly: true }).result!, {});
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('code,term,kind,segments,share,flags,matched words');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['rol*', 'samenwerk*']);
    const md = (await getFormatter('audit', 'md'))(audit(opened, { forms: 1 }).result!, {});
    expect(md).toMatch(/^## Codes\n\n6 segments in 1 document;/);
    expect(md).toContain('… 1 more');
  });
});
