// The report holds a bounded number of excerpts per cell, whatever the corpus size; the counts in
// its heatmap and every excerpt in excerpts.md stay complete.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';
import { EXCERPTS_PER_CELL } from '../../src/report/model.js';
import { analyse, openCorpus, OutputFolder } from '../../src/index.js';
import { tempDir } from '../helpers/temp.js';

test(`at most ${EXCERPTS_PER_CELL} excerpts per code and district in report.html; excerpts.md has them all`, async () => {
  // The Rotterdam transcripts, each twice under its own id: the fullest cell (34) holds more than the report keeps.
  const files: Record<string, string> = {};
  const examples = readdirSync('examples/rotterdam/corpus', { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'));
  for (const f of examples) {
    const text = readFileSync(join('examples/rotterdam/corpus', f), 'utf8');
    for (let k = 0; k < 2; k++) files[`corpus/${k}/${f}`] = text.replace(/^id: (.*)$/m, `id: $1-${k}`);
  }
  const dir = tempDir(files);
  const opened = openCorpus(['corpus'], { skipSpeaker: ['interviewer'] }, dir).result!;
  let folder: OutputFolder | undefined;
  const outcome = await analyse(opened, {}, () => (folder = new OutputFolder(join(dir, 'res'))));
  expect(outcome.diagnostics).toEqual([]);
  folder!.commit();
  const { report, totals } = outcome.result!;
  const perCell = new Map<string, number>();
  for (const e of report.excerpts) for (const c of e.columns) perCell.set(`${e.code}/${c}`, (perCell.get(`${e.code}/${c}`) ?? 0) + 1);
  expect(Math.max(...perCell.values())).toBe(EXCERPTS_PER_CELL);
  // The page holds what the model kept, no more.
  const html = readFileSync(join(dir, 'res/report.html'), 'utf8');
  const data = JSON.parse(/<script type="application\/json" id="qda-data">([^]*?)<\/script>/.exec(html)![1].replace(/\\u003c/g, '<'));
  expect(data.excerpts.length).toBe(report.excerpts.length);
  expect(totals.coded).toBeGreaterThan(2 * EXCERPTS_PER_CELL);
  const md = readFileSync(join(dir, 'res/excerpts.md'), 'utf8');
  expect(md.match(/^— `corpus\/\S+\.md:\d+`/gm)!.length).toBeGreaterThanOrEqual(totals.coded);
}, 90_000);

test('the progress line: documents, MB/s and time left once there is a rate', () => {
  expect(progressLine(0, 10, 0, 1e6, 0)).toBe('0/10 documents');
  expect(progressLine(120, 10000, 24e6, 2024e6, 10)).toBe('120/10000 documents · 2.4 MB/s · 13m 53s left');
  expect(progressLine(5, 6, 5e6, 6e6, 1)).toBe('5/6 documents · 5.0 MB/s · 0s left');
  expect(progressLine(1, 3, 1e9, 1e12, 100)).toBe('1/3 documents · 10.0 MB/s · 27h 45m left');
});
