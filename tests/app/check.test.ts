// qda check as a library call: the counts of what was read and every problem, past errors too.
import { describe, expect, test } from 'vitest';
import { check } from '../../src/index.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

describe('check()', () => {
  test('a sound corpus: its documents, segments and codes, no problems', () => {
    const { result, diagnostics } = check(['tests/fixtures/analysis'], {}, process.cwd());
    expect(diagnostics).toEqual([]);
    expect(result).toMatchObject({ documents: 3, errors: 0, warnings: 0 });
    expect(result!.segments).toBeGreaterThanOrEqual(9);
    expect(result!.codes).toBeGreaterThan(3);
  });

  test('a transcript with broken front matter is counted as an error, and the others are still read', () => {
    const dir = tempDir({ 'a.md': '---\nid: [a\n---\n\nText.\n', 'b.md': 'Een gewone alinea over samenwerking.\n' });
    const { result, diagnostics } = check([dir], {}, process.cwd());
    expect(result!.errors).toBeGreaterThan(0);
    expect(result!.documents).toBe(1);
    expect(diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('a.md') && d.line !== undefined)).toBe(true);
  });

  test('an unknown --coder is an error: exit 1 and counted in the summary line', async () => {
    const r = await qda(['check', 'tests/fixtures/analysis', '--coder', 'nobody']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: unknown coder "nobody"/);
    expect(r.stderr).toMatch(/: 1 error, 0 warnings\n$/);
  });
});
