// Run by qdpx-stream.test.ts in a process of its own with a small heap: writes a .qdpx of generated
// documents through the streaming writer. With `hold` it also keeps every exported text, as an
// export that builds the archive in memory must; under the same heap limit that run fails.
import { parseCodebook } from '../../dist/codebook/load.js';
import { QdpxWriter } from '../../dist/exchange/qdpx-write.js';
import { exportedText } from '../../dist/exchange/from-qda.js';
import { readDocument, segmentDocument } from '../../dist/ingest/document.js';

const [out, count, size, hold] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5] === 'hold'];
const { codebook } = parseCodebook('book.yaml', 'name: t\nlanguage: en\ncodes:\n  - id: food\n    terms: [bread]\n');

/** Document i, made when asked for: paragraphs of fictional text until `size` characters. */
function coded(i) {
  const parts = [`---\nid: doc-${i}\ngroup: g${i % 3}\n---\n\n`];
  let length = 0;
  for (let k = 0; length < size; k++) {
    const p = `In week ${k} of visit ${i} the baker on the corner handed out bread to the neighbours again.\n\n`;
    parts.push(p);
    length += p.length;
  }
  const { document } = readDocument(`corpus/doc-${i}.md`, parts.join(''));
  const segments = segmentDocument(document, 'paragraph');
  const codings = segments.slice(0, 3).map((s) => ({
    documentId: document.id,
    segment: s.ordinal,
    code: 'food',
    cluster: 'food',
    source: 'auto',
    coder: 'qda',
    hits: 1,
    evidence: [{ text: 'bread', range: s.range }],
  }));
  return { document, language: 'en', segments, skipped: new Set(), furniture: new Map(), clusters: new Map(), codings };
}

const writer = new QdpxWriter(out, { name: 'stream', origin: 'qda test', codebook, language: 'en', memos: [] });
const held = [];
for (let i = 0; i < count; i++) {
  const doc = coded(i);
  if (hold) held.push(exportedText(doc.document).text);
  writer.add(doc);
}
const { counts } = writer.finish();
writer.commit();
console.log(JSON.stringify({ ...counts, held: held.length }));
