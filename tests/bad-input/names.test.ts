// File names are the user's: escapes and newlines in them reach no terminal or citation raw, and
// two names that differ only in Unicode normalisation are pointed out.
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { STACK } from './shared.js';

const ESC = '\u001b';

describe('control characters in file names', () => {
  test('diagnostics and citations show them escaped', async () => {
    const name = `a${ESC}[2J${ESC}[31mrood\nfake.md:1:1: error: x.md`;
    const dir = tempDir({ [name]: '---\ndistrict: Noord\n---\n\nKorte lijnen met school.\n', [`leeg${ESC}]0;titel\u0007.md`]: '' });
    const check = await qda(['check', '.'], { cwd: dir });
    const excerpts = await qda(['excerpts', '.', '--format', 'md', '-q'], { cwd: dir });
    const code = await qda(['code', '.', '--format', 'md', '-q'], { cwd: dir });
    for (const r of [check, excerpts, code]) {
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stderr + r.stdout).not.toContain(ESC);
      expect(`${r.stderr}${r.stdout}`.split('\n').some((l) => l.startsWith('fake.md'))).toBe(false);
    }
    expect(excerpts.stdout).toContain('a\\x1b[2J\\x1b[31mrood\\nfake.md:1:1: error: x.md:5');
    expect(check.stderr).toContain('leeg\\x1b]0;titel\\x07.md: warning: file is empty');
  });
});

describe('names in NFC and NFD', () => {
  test('two transcripts whose names look the same are warned about', async () => {
    const nfc = 'café'.normalize('NFC');
    const nfd = 'café'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    const dir = tempDir({ [`${nfc}.md`]: 'Korte lijnen.\n', [`${nfd}.md`]: 'De wachtlijst.\n' });
    const r = await qda(['check', '.'], { cwd: dir });
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toMatch(
      /warning: document id ".+" looks the same as the id of .+\.md but is written with other Unicode code points \(NFC and NFD\)/,
    );
  });
});
