// Documents formatted by other instances of a codings formatter (as worker threads do) and taken in
// by one: the same bytes as that one formatting them all itself.
import { describe, expect, test } from 'vitest';
import { attributeKeys, code, openCorpus, runInfo } from '../../src/index.js';
import { codingsStream, type CodingsFormat } from '../../src/formatters/codings.js';
import { formatAll, stream, type Formatted } from '../../src/formatters/stream.js';
import type { CodedDocument } from '../../src/corpus/pipeline.js';

const FIXTURE = 'tests/fixtures/analysis';

const text = (pieces: Iterable<string | Uint8Array>) => [...pieces].map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');

describe.each(['json', 'csv', 'md'] as const)('--format %s', (name) => {
  const opened = openCorpus([FIXTURE], {}, process.cwd()).result!;
  const documents = [...code(opened).result!.documents];
  const format: CodingsFormat = { name, run: runInfo(opened), attributeKeys: attributeKeys(opened) };
  const whole = text(stream(codingsStream(format), documents));

  test.each([
    ['each document apart', [[0], [1], [2]]],
    ['an empty piece first and between', [[], [0, 1], [], [2]]],
    ['one piece and the rest', [[0], [1, 2]]],
  ])('%s', (_, cuts) => {
    const items: (CodedDocument | Formatted)[] = cuts.map((cut) =>
      formatAll(
        codingsStream(format),
        cut.map((i) => documents[i]),
      ),
    );
    expect(documents).toHaveLength(3);
    expect(text(stream(codingsStream(format), items))).toBe(whole);
  });

  test('formatted pieces and documents mixed', () => {
    const items = [documents[0], formatAll(codingsStream(format), [documents[1]]), documents[2]];
    expect(text(stream(codingsStream(format), items))).toBe(whole);
  });
});
