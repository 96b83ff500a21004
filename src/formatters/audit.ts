/** The term audit as tables (terminal, markdown, CSV: one row per term) or JSON. */
import type { AuditResult } from '../app/audit.js';
import type { CodebookAudit, FormAudit } from '../audit/audit.js';
import type { FormatOptions } from './index.js';
import { SCHEMA_VERSION } from './codings-json.js';
import { figure, gridCsv, gridMarkdown, gridText, type Grid } from './grid.js';
import type { CsvOptions } from './csv.js';
import { count } from './text.js';

export interface AuditView {
  /** Matched forms shown per term. */
  forms: number;
  /** Only terms with a flag. */
  flaggedOnly: boolean;
}

const pct = (share: number) => `${figure(100 * share, 1)}%`;

function formText(f: FormAudit): string {
  return `${f.form} ×${f.count}${f.suspect.length > 0 ? ` (? ${f.suspect.join(', ')})` : ''}`;
}

export function auditTermGrid(audit: CodebookAudit, view: AuditView): Grid {
  const rows: string[][] = [];
  for (const code of audit.codes) {
    for (const t of code.terms) {
      if (view.flaggedOnly && t.flags.length === 0) continue;
      // Suspect forms first, so that a short list still shows what needs a look.
      const forms = [...t.forms.filter((f) => f.suspect.length > 0), ...t.forms.filter((f) => f.suspect.length === 0)];
      const shown = forms.slice(0, view.forms).map(formText);
      if (forms.length > view.forms) shown.push(`… ${forms.length - view.forms} more`);
      rows.push([code.id, t.term, t.kind, String(t.segments), pct(t.share), t.flags.join(' '), shown.join('; ')]);
    }
  }
  return {
    header: ['code', 'term', 'kind', 'segments', 'share', 'flags', 'matched words'],
    rows,
    numeric: [false, false, false, true, true, false, false],
  };
}

export function auditCodeGrid(audit: CodebookAudit): Grid {
  return {
    header: ['code', 'segments', 'share', 'documents', 'terms that fired', 'flagged terms'],
    rows: audit.codes.map((c) => [
      c.id,
      String(c.segments),
      pct(c.share),
      String(c.documents),
      String(c.terms.length),
      String(c.terms.filter((t) => t.flags.length > 0).length),
    ]),
    numeric: [false, true, true, true, true, true],
  };
}

/** The registry's entries (formatters/index.ts). */
export const auditFormats = {
  table: (r: AuditResult) => renderAudit(r.audit, 'table', r.view),
  csv: (r: AuditResult, options: FormatOptions) => renderAudit(r.audit, 'csv', r.view, { excel: options.excel }),
  md: (r: AuditResult) => renderAudit(r.audit, 'md', r.view),
  json: (r: AuditResult) => renderAudit(r.audit, 'json', r.view),
};

export function renderAudit(audit: CodebookAudit, format: 'table' | 'md' | 'csv' | 'json', view: AuditView, csv: CsvOptions = {}): string {
  if (format === 'json') return auditJson(audit);
  const terms = auditTermGrid(audit, view);
  if (format === 'csv') return gridCsv(terms, csv);
  const codes = auditCodeGrid(audit);
  const none = terms.rows.length === 0 ? `${view.flaggedOnly ? 'No term has a flag.' : 'No term matched.'}\n` : undefined;
  const intro = `${count(audit.segments, 'segment')} in ${count(audit.documents, 'document')}; topic words fire in more than ${pct(audit.topicShare)} of them.`;
  if (format === 'md') return `## Codes\n\n${intro}\n\n${gridMarkdown(codes)}\n## Terms\n\n${none ?? gridMarkdown(terms)}`;
  return `${intro}\n\n${gridText(codes)}\n${none ?? gridText(terms)}`;
}

export function auditJson(audit: CodebookAudit): string {
  const round = (v: number) => Math.round(v * 10000) / 10000;
  const codes = audit.codes.map((c) => ({
    ...c,
    share: round(c.share),
    terms: c.terms.map((t) => ({ ...t, share: round(t.share) })),
  }));
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, segments: audit.segments, documents: audit.documents, topicShare: audit.topicShare, codes }, null, 2)}\n`;
}
