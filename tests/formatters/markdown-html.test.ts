// Markdown outputs carry no live HTML from transcripts: < and > outside code spans are entities.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { markdownText } from '../../src/formatters/text.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const EVIL = 'Korte lijnen met school <script>alert(1)</script> en <img src=x onerror=alert(2)> ja, maar `a <b>` blijft.';

describe('raw HTML in transcripts', () => {
  test('markdownText: entities outside code spans, code spans as they are', () => {
    expect(markdownText('a <b> c')).toBe('a &lt;b&gt; c');
    expect(markdownText('x `<b>` y <i>')).toBe('x `<b>` y &lt;i&gt;');
    expect(markdownText('x ``a ` <b>`` y')).toBe('x ``a ` <b>`` y');
    expect(markdownText('open ` <b> no close')).toBe('open ` &lt;b&gt; no close');
    expect(markdownText('geen tags')).toBe('geen tags');
  });

  test('excerpts, codings and analyse markdown hold no tag from the transcript', async () => {
    const dir = tempDir({ 'a.md': `---\ndistrict: Noord\n---\n\n**R:** ${EVIL}\n\n**R:** De wachtlijst is lang <b>echt</b>.\n` });
    const outputs = [
      (await qda(['excerpts', '.', '--format', 'md', '-q'], { cwd: dir })).stdout,
      (await qda(['code', '.', '--format', 'md', '-q'], { cwd: dir })).stdout,
    ];
    const r = await qda(['analyse', '.', '--out', 'out', '-q'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['excerpts.md', 'summary.md', 'index.md']) outputs.push(readFileSync(join(dir, 'out', f), 'utf8'));
    for (const text of outputs) {
      const outsideCode = text.replace(/`+[^`]*`+/g, '');
      expect(outsideCode).not.toMatch(/<\/?(script|img|b)\b/i);
    }
    expect(outputs[0]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(outputs[0]).toContain('`a <b>`');
  });
});
