/** Issues name the cell the officer has to change (issue 18): a bad tolerance points at the tolerance, not the measure's name. */
import path from 'node:path';
import { runCli } from '../helpers/cli';

test('a tolerance band that misses its target is reported at the tolerance cell', async () => {
  const sample = path.join(__dirname, '../../assets/sample-performance.xlsx');
  const result = await runCli(['apply', sample, '--json']);
  const issues: { sheet: string; cell: string; message: string }[] = JSON.parse(result.out).issues;
  // YJ02's tolerance "40 - 45" (column H, Tolerance) does not include its target of 38.
  expect(issues.filter((i) => i.message.startsWith('the tolerance band'))).toEqual([
    { sheet: 'Measures', cell: 'H26', message: 'the tolerance band 40–45 does not include the target 38 — used as written' },
  ]);
});
