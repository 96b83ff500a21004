// The work of `qda codebook audit`; its options are declared in ../commands/codebook.ts.
import { AuditBuilder } from '../../audit/audit.js';
import type { Coding } from '../../coding/coding.js';
import { codeCorpus } from '../../corpus/pipeline.js';
import { renderAudit } from '../../formatters/audit.js';
import { DEFAULT_SCORING } from '../../scoring/decide.js';
import { stemmerFor } from '../../match/stem.js';
import type { Io } from '../io.js';
import type { CorpusFlags } from '../options.js';
import { count, summaryLine, writeOutput } from '../output.js';
import { openSession, progress } from '../session.js';

export interface AuditFlags extends CorpusFlags {
  format: 'table' | 'md' | 'csv' | 'json';
  out?: string;
  excel?: boolean;
  topicShare: number;
  forms: number;
  flagged?: boolean;
}

export function auditAction(paths: string[], flags: AuditFlags, io: Io): void {
  const session = openSession(paths, flags, io, flags.out ? { output: flags.out } : {});
  const language = session.codebook.language;
  const stem = stemmerFor(language);
  const background = session.corpus.background?.(language).df;
  const builder = new AuditBuilder(session.codebook, { topicShare: flags.topicShare, stem, everyday: (form) => (background?.get(stem(form)) ?? 0) > 0 });
  // The audit looks at what the terms match, so it reads the auto coder alone, every candidate before
  // thresholds: no hand-made codings, no rejections, no score cut-off.
  const scoring = { ...(session.corpus.scoring ?? DEFAULT_SCORING), threshold: 0, secondary: 0 };
  const corpus = { ...session.corpus, manual: undefined, scoring };
  const bar = progress(io, session.files.length);
  for (const coded of codeCorpus(session.files, session.compiled, corpus)) {
    bar.step(coded.document.path);
    const bySegment = new Map<number, Coding[]>();
    for (const c of coded.codings) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
    for (const segment of coded.segments) {
      if (!coded.skipped.has(segment.ordinal) && !coded.furniture.has(segment.ordinal)) builder.addSegment(coded.document.id, bySegment.get(segment.ordinal) ?? []);
    }
  }
  bar.done();
  const audit = builder.result();
  writeOutput(io, flags.out, [renderAudit(audit, flags.format, { forms: flags.forms, flaggedOnly: flags.flagged === true }, { excel: flags.excel })]);
  const terms = audit.codes.flatMap((c) => c.terms);
  const topic = terms.filter((t) => t.flags.includes('topic')).length;
  const collisions = terms.filter((t) => t.flags.includes('collision')).length;
  summaryLine(
    io,
    flags.quiet,
    `audited ${count(terms.length, 'term')} that matched in ${count(audit.segments, 'segment')}: ${count(topic, 'topic word')}, ${count(collisions, 'term')} with suspect matches`,
  );
}
