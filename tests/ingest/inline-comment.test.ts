// The `<!-- qda: ... -->` scanner: what the plain regexp finds, in time linear in the line.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inlineComment } from '../../src/ingest/blocks.js';
import { readDocument, segmentDocument } from '../../src/ingest/document.js';

/** The definition: a comment that ends the line (fine on short lines, quadratic on long ones). */
const ORACLE = /<!--\s*qda:([^]*?)-->[ \t]*$/;

describe('inline coding comments', () => {
  test('the same comment as the regexp, on any line', () => {
    const piece = fc.constantFrom('<!--', '-->', 'qda:', ' ', '\t', 'a', ',', '-', '<', '>', '!', 'q', ' qda: b ', '\u00a0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const line = pieces.join('');
        const m = ORACLE.exec(line);
        expect(inlineComment(line)).toEqual(m ? { index: m.index, body: m[1] } : null);
      }),
      { numRuns: 3000 },
    );
  });

  test('a 10 MB line of comments is read in linear time', () => {
    const unit = '<!-- qda: a -->x ';
    const line = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const started = performance.now();
    expect(inlineComment(line)).toBeNull();
    expect(inlineComment(`${line}<!-- qda: b -->`)).toEqual({ index: 0, body: line.slice(9) + '<!-- qda: b ' });
    const { document } = readDocument('a.md', `${line}\n`);
    expect(segmentDocument(document, 'paragraph')).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
