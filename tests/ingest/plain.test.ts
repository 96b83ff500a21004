// `plain: true`: a body of plain text, in which no line is markdown.
import { describe, expect, it } from 'vitest';
import { readDocument, segmentDocument } from '../../src/ingest/document.js';

const BODY = ['# a line', '---', '- a dash', '> a quote mark', '<!-- qda: topic -->', 'text <!-- qda: food -->', '```', 'R: an answer'];

describe('plain: true', () => {
  it('makes every paragraph the text as written, with no inline codes, headings or speakers', () => {
    const { document, diagnostics } = readDocument('p.md', `---\nid: p\nplain: true\n---\n\n${BODY.join('\n\n')}\n`);
    expect(diagnostics).toEqual([]);
    expect(document.plain).toBe(true);
    expect(document.attributes).toEqual({});
    const segments = segmentDocument(document, 'paragraph');
    expect(segments.map((s) => s.text)).toEqual(BODY);
    expect(segments.every((s) => s.section.length === 0 && s.speaker === undefined && s.paragraphs.every((p) => !p.inline))).toBe(true);
  });

  it('still reads declared speaker labels', () => {
    const { document } = readDocument('p.md', '---\nplain: true\nspeakers: { R: respondent }\n---\n\nR: an answer\n\n# not a heading\n');
    const [first, second] = segmentDocument(document, 'paragraph');
    expect([first.speaker, first.text, second.text]).toEqual(['R', 'an answer', '# not a heading']);
  });

  it('the same body without it is markdown', () => {
    const { document } = readDocument('p.md', `---\nid: p\n---\n\n${BODY.join('\n\n')}\n`);
    expect(segmentDocument(document, 'paragraph').map((s) => s.text)).not.toEqual(BODY);
  });

  it('must be true or false', () => {
    const { diagnostics } = readDocument('p.md', '---\nplain: yes please\n---\n\ntext\n');
    expect(diagnostics.map((d) => d.message)).toContain('`plain` must be true or false');
  });
});
