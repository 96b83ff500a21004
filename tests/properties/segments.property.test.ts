/** Property 1: segmentation keeps positions, in process and through the JSON of `qda code`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDocument, segmentDocument, type Segment } from '../../src/ingest/document.js';
import { UNITS, type Unit } from '../../src/ingest/units.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { joinLines, lineOf, SMALL_BOOK, transcriptLines, transcriptSpec, transcriptText } from './arbitraries.js';

const BOOK = join(process.cwd(), SMALL_BOOK);
const unit = fc.constantFrom<Unit>(...UNITS);

function checkSegments(text: string, segments: Segment[]): void {
  let previousEnd = 0;
  segments.forEach((s, i) => {
    expect(s.ordinal).toBe(i + 1);
    expect(s.text).toBe(text.slice(s.range.start, s.range.end));
    expect(s.range.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.range.end).toBeGreaterThan(s.range.start);
    previousEnd = s.range.end;
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.text).toBe(s.text.trim());
    expect(s.lines.start).toBeLessThanOrEqual(s.lines.end);
    expect(s.lines.start).toBe(lineOf(text, s.range.start));
    expect(s.lines.end).toBe(lineOf(text, s.range.end - 1));
  });
}

describe('segmentation keeps positions', () => {
  test('every unit: text at range, in order, no overlap, trimmed, lines of first and last character', () => {
    fc.assert(
      fc.property(transcriptSpec, (spec) => {
        const text = transcriptText(spec);
        const { document } = readDocument('corpus/t.md', text);
        expect(document.text).toBe(text);
        for (const u of UNITS) checkSegments(text, segmentDocument(document, u));
      }),
      { numRuns: 300 },
    );
  });

  test('lone CR line breaks (old Mac files) mixed with LF and CRLF', () => {
    const breaks = fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 60, maxLength: 60 });
    fc.assert(
      fc.property(transcriptSpec, breaks, (spec, brs) => {
        const text = transcriptLines(spec)
          .map((l, i) => l + brs[i % brs.length])
          .join('');
        const { document } = readDocument('t.md', text);
        for (const u of UNITS) checkSegments(text, segmentDocument(document, u));
      }),
      { numRuns: 200 },
    );
  });

  // Regression: thin, narrow no-break and ideographic spaces (and a stray BOM) stayed at segment edges.
  test('white space other than space, tab and no-break space at line ends is not part of a segment', () => {
    const pad = fc.constantFrom('\u2009', '\u202f', '\u3000', '\u2003', '\u00a0 ', '\ufeff', '\u200b');
    fc.assert(
      fc.property(transcriptSpec, fc.array(fc.tuple(pad, pad), { minLength: 30, maxLength: 30 }), (spec, pads) => {
        const lines = transcriptLines(spec).map((l, i) => (l.trim() === '' || l.startsWith('---') ? l : pads[i % 30][0] + l + pads[i % 30][1]));
        const text = joinLines(lines, spec.eol, spec.crlf, spec.finalBreak);
        const { document } = readDocument('t.md', text);
        for (const u of UNITS) checkSegments(text, segmentDocument(document, u));
      }),
      { numRuns: 200 },
    );
  });

  test('LF and CRLF give the same segments (texts modulo \\r, same lines)', () => {
    fc.assert(
      fc.property(transcriptSpec, unit, (spec, u) => {
        const lf = segmentDocument(readDocument('t.md', transcriptText(spec, 'lf')).document, u);
        const crlf = segmentDocument(readDocument('t.md', transcriptText(spec, 'crlf')).document, u);
        const mixed = segmentDocument(readDocument('t.md', transcriptText(spec, 'mixed')).document, u);
        const view = (segments: Segment[]) =>
          segments.map((s) => ({ text: s.text.replace(/\r/g, ''), lines: s.lines, speaker: s.speaker, section: s.section }));
        expect(view(crlf)).toEqual(view(lf));
        expect(view(mixed)).toEqual(view(lf));
      }),
      { numRuns: 300 },
    );
  });

  test('qda code --format json: code-point ranges slice the decoded file, lines match', async () => {
    await fc.assert(
      fc.asyncProperty(transcriptSpec, unit, fc.boolean(), async (spec, u, bom) => {
        const text = transcriptText(spec);
        const dir = tempDir();
        const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
        writeFileSync(join(dir, 't.md'), bytes);
        const r = await qda(['code', 't.md', '--format', 'json', '--codebook', BOOK, '--unit', u], { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        const json = JSON.parse(r.stdout);
        const decoded = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes); // strips the BOM
        expect(decoded).toBe(text);
        const chars = Array.from(decoded);
        const cpToUnit = (cp: number) => chars.slice(0, cp).join('').length;
        const segments = json.documents[0]?.segments ?? [];
        let previousEnd = 0;
        for (const s of segments) {
          expect(chars.slice(s.range[0], s.range[1]).join('')).toBe(s.text);
          expect(s.range[0]).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = s.range[1];
          expect(s.lines).toEqual([lineOf(decoded, cpToUnit(s.range[0])), lineOf(decoded, cpToUnit(s.range[1]) - 1)]);
          for (const c of s.codes) {
            for (const e of c.evidence) {
              expect(chars.slice(e.range[0], e.range[1]).join('')).toBe(e.text);
              expect(e.range[0]).toBeGreaterThanOrEqual(s.range[0]);
              expect(e.range[1]).toBeLessThanOrEqual(s.range[1]);
              expect(e.line).toBe(lineOf(decoded, cpToUnit(e.range[0])));
            }
          }
        }
        expect(json.totals.segments).toBe(segments.length);
      }),
      { numRuns: 100 },
    );
  });
});
