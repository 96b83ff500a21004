import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { SMALL_BOOK as BOOK, WORDS_TINY as TINY } from '../helpers/corpora.js';

const doc = (district: string, body: string) => `---\ndistrict: ${district}\n---\n\n${body}\n`;

describe('qda words', () => {
  test('markdown and CSV: the statistic with its significance, and a line for a group without significant terms', async () => {
    const dir = tempDir(TINY);
    const md = await qda(['words', '--codebook', BOOK, '--min-count', '1', '--top', '2', '--min-g2', '0'], { cwd: dir });
    expect(md.stdout).toContain('| term | here | rest | G² | p below | log ratio |');
    expect(md.stdout).toContain('| wijkteam | 3 | 1 | 2.90 | n.s. | 2.58 |');
    expect(md.stderr).toBe('counted 30 words in 3 documents, 2 groups by district\n');
    // By default only G² ≥ 3.84 counts: 2.90 could be chance.
    const plain = await qda(['words', '--codebook', BOOK, '--min-count', '1', '--top', '2'], { cwd: dir });
    expect(plain.stdout).toContain(
      '### Noord\n\n10 words in 1 document.\n\nNo term occurs here significantly more than in the rest (G² ≥ 3.84, p < 0.05).\n',
    );
    const csv = await qda(['words', '--codebook', BOOK, '--min-count', '3', '--min-g2', '0', '--format', 'csv'], { cwd: dir });
    expect(csv.stdout).toBe(
      'group,n,term,count,documents,rest,measure,statistic,p_below,log_ratio\r\n(all),1,wijkteam,4,2,,,,,\r\nNoord,1,wijkteam,3,2,1,ll,2.90,,2.585\r\n',
    );
  });
});

describe('qda words: wrong usage', () => {
  test('--ngram takes 1, 2, 3 or a range; --top and --min-count whole numbers from 1', async () => {
    const dir = tempDir(TINY);
    for (const args of [
      ['--ngram', '4'],
      ['--ngram', '0-2'],
      ['--top', '0'],
      ['--min-count', 'x'],
      ['--min-g2', '-1'],
      ['--min-g2', 'p'],
    ]) {
      const r = await qda(['words', '--codebook', BOOK, ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
  });
});

describe('qda words --suggest', () => {
  test('without a segment coded by hand with the code: exit 1 and why (the terms: tests/app/words.test.ts)', async () => {
    const none = await qda(['words', '--codebook', BOOK, '--suggest', 'personal.relations'], { cwd: tempDir(TINY) });
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe(
      'error: no segment is coded personal.relations by hand\n  code some segments first (qda review import, qda search --code-as, or <!-- qda: --> comments)\n',
    );
  });
});

describe('the HTML report: Woorden per wijk', () => {
  test('per district its significant distinctive words with count, G² and p, as qda words gives them', async () => {
    // Noord: wijkteam 9 of 18 words, Zuid: 5 of 29; G² 3.8553 (worked out in tests/app/words.test.ts).
    const dir = tempDir({
      'qda.yaml': 'language: nl\n',
      'noord.md': doc('Noord', `${'wijkteam '.repeat(9)}regisseur regisseur appel peer kers pruim druif meloen banaan.`),
      'zuid.md': doc(
        'Zuid',
        `${'wijkteam '.repeat(5)}tafel stoel kast lamp deur raam muur vloer plafond fiets auto trein tram bus boot vliegtuig scooter step kar zolder kelder tuin schuur garage.`,
      ),
    });
    const r = await qda(['report', '--codebook', BOOK, '--out', 'report.html', '-q'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const section = html.slice(html.indexOf('<section id="words">'), html.indexOf('</section>', html.indexOf('<section id="words">')));
    expect(section).toContain('<h2>Woorden per wijk</h2>');
    expect(section).toContain('<caption>Noord (18 woorden)</caption>');
    expect(section).toContain('<th scope="col" class="num">G²</th><th scope="col" class="num">p</th>');
    expect(section).toContain('<tr><td>wijkteam</td><td class="num">9</td><td class="num">3,9</td><td class="num">&lt; 0,05</td></tr>');
    expect(section).toContain('<caption>Zuid (29 woorden)</caption>');
    expect(section).toContain('Geen woord komt hier significant vaker voor (G² ≥ 3,84, p &lt; 0,05).');
    expect(html).toContain('<a href="#words">Woorden per wijk</a>');
    expect(section).not.toContain('minG2');

    // minG2 of qda.yaml: the report lists by it and says so.
    writeFileSync(join(dir, 'qda.yaml'), 'language: nl\nminG2: 3.86\n');
    expect((await qda(['report', '--codebook', BOOK, '--out', 'strict.html', '-q'], { cwd: dir })).code).toBe(0);
    const strict = readFileSync(join(dir, 'strict.html'), 'utf8');
    expect(strict).toContain('In dit project (minG2 in qda.yaml) staat een woord hier vanaf G² 3,86.</p>');
    expect(strict).not.toContain('<td>wijkteam</td>');
    expect(strict).toContain('Geen woord komt hier vaker voor met G² vanaf 3,86.');
  });
});
