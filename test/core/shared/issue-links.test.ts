/**
 * An Issue's link selects the offending cell itself (the one the officer
 * fixes), not the measure's name: checked for the Issues whose cell is not
 * the one the message is read from.
 */
import { analyseMeasures } from '../../../src/core/measures/analyse';
import { spcReport } from '../../../src/core/spc/report';
import { sheetGrid, workbook } from '../../helpers/grids';

const options = { today: '2019-05-01' };
const QUARTERS = ['Q1 2017/18', 'Q2 2017/18', 'Q3 2017/18', 'Q4 2017/18', 'Q1 2018/19', 'Q2 2018/19', 'Q3 2018/19', 'Q4 2018/19'];
const FIGURES = [50, 52, 51, 53, 55, 54, 56, 57];

const grids = workbook(
  sheetGrid('KPIs', [
    ['ID', 'Measure', 'Polarity', 'Target', 'Tolerance', 'Rebase at', ...QUARTERS],
    ['A', 'Alpha', 'Higher is better', 'In line with national', '', '', ...FIGURES],
    ['A', 'Beta', 'Higher is better', 50, '', '', ...FIGURES],
    ['C', 'Gamma', 'Higher is better', 50, '45 - 48', 'Q1 2030/31', ...FIGURES],
  ]),
);

function issueAt(issues: readonly { cell: string; message: string }[], text: string): string | undefined {
  return issues.find((i) => i.message.includes(text))?.cell;
}

test('a target that follows a benchmark the workbook lacks: the target cell', () => {
  expect(issueAt(analyseMeasures(grids, options).issues, 'follows the England figure')).toBe('D2');
});

test('a measure id used twice: the id cell', () => {
  expect(issueAt(analyseMeasures(grids, options).issues, "the measure id 'A' is used more than once")).toBe('A3');
});

test('a tolerance band that misses its target: the tolerance cell', () => {
  expect(issueAt(analyseMeasures(grids, options).issues, 'the tolerance band')).toBe('E4');
});

test('a rebase period the measure has no figure for: its "Rebase at" cell', () => {
  expect(issueAt(spcReport.run(grids, options).issues, "has no figure for the rebase period 'Q1 2030/31'")).toBe('F4');
});
