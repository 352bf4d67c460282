import { periodColumn } from '../../../src/core/measures/period-columns';
import { describeMonths } from '../../../src/core/measures/period';
import { looksLikePeriodOrBenchmark } from '../../../src/core/wording/headers';

/** Headers from published reports: the role they give a column, and the months they cover. */
describe('period and benchmark headers', () => {
  test.each([
    ['Outturn 2016/17', 'actual', 'Apr 2016 to Mar 2017'],
    ['Q1 17/18', 'actual', 'Apr 2017 to Jun 2017'],
    ['2017-18 Q1', 'actual', 'Apr 2017 to Jun 2017'],
    ['Apr-Jun 2017', 'actual', 'Apr 2017 to Jun 2017'],
    ['Nov - Jan 2009/10', 'actual', 'Nov 2009 to Jan 2010'],
    ['2009/10 Q3', 'actual', 'Oct 2009 to Dec 2009'],
    ['Similar Authority 2016/17', 'Similar authorities', 'Apr 2016 to Mar 2017'],
    ['Stat neighbours 2016/17', 'Statistical neighbours', 'Apr 2016 to Mar 2017'],
    ['SN average Q1 17/18', 'Statistical neighbours', 'Apr 2017 to Jun 2017'],
    ['England average 2016/17', 'England', 'Apr 2016 to Mar 2017'],
  ])('%s', (header, role, months) => {
    const column = periodColumn({ value: header }, 0);
    expect(column?.kind.role === 'benchmark' ? column.kind.benchmark : column?.kind.role).toBe(role);
    expect(column?.period && describeMonths(column.period)).toBe(months);
  });
});

describe('headers that look like a period or a benchmark', () => {
  test.each([['Outturn 2016/17 (provisional)'], ['Welsh average 2016/17'], ['Q5 2017/18'], ['Stat neighbour rank'], ['Sept 2017 (revised)']])('%s looks like one', (text) => {
    expect(looksLikePeriodOrBenchmark(text)).toBe(true);
    expect(periodColumn({ value: text }, 0)).toBeUndefined();
  });
  test.each([['Lead officer'], ['Comments'], ['Measure'], ['Frequency']])('%s does not', (text) => {
    expect(looksLikePeriodOrBenchmark(text)).toBe(false);
  });
});
