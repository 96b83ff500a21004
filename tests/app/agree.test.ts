// qda agree --data as a library call: Krippendorff's published four-coder example (alpha 0.743,
// worked out in tests/agreement/stats.test.ts), its table as the command prints it, and bad data.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { agreeOnData, getFormatter } from '../../src/index.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const DATA = 'tests/fixtures/agreement/krippendorff-4-coders.csv';

describe('agreeOnData()', () => {
  test('alpha of the published example; the table and JSON are what qda agree --data writes', async () => {
    const { result, diagnostics } = agreeOnData(DATA, 'nominal', process.cwd());
    expect(diagnostics).toEqual([]);
    expect(result!.overall.alpha).toBeCloseTo(0.743, 3);
    expect(result!.report.coders).toEqual(['A', 'B', 'C', 'D']);
    expect(result!.twoCoders).toBe(false);
    for (const format of ['table', 'json'] as const) {
      const cli = await qda(['agree', '--data', DATA, '--format', format]);
      expect((await getFormatter('agreement', format))(result!, {})).toBe(cli.stdout);
      if (format === 'table') expect(cli.stderr).toBe(`alpha (nominal) = 0.743 for 4 coders and ${result!.units} units\n`);
    }
  });

  test('a row without a value is an error at its line in the file, and there is no result', () => {
    const dir = tempDir();
    const file = join(dir, 'ratings.csv');
    writeFileSync(file, 'unit,coder,value\n1,A,1\n1,B\n');
    const outcome = agreeOnData(file, 'nominal', process.cwd());
    expect(outcome.result).toBeUndefined();
    expect(outcome.diagnostics).toMatchObject([{ file, line: 3, severity: 'error', rule: 'agree/data' }]);
  });
});
