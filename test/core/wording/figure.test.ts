import { readFigure } from '../../../src/core/wording/figure';

describe('figures carrying other text', () => {
  test.each([
    ['Actual: 77.94%', 77.94, true],
    ['25% (April 2015 – March 2016)', 25, true],
    ['Actual: 63.6% (April 2015 – March 2016)', 63.6, true],
    ['Target - 92%', 92, true],
    ['268 (Q1 2017/18)', 268, false],
  ])('%s → %d', (text, value, percent) => {
    const read = readFigure({ value: text });
    expect(read.kind).toBe('number');
    if (read.kind === 'number') expect([read.reading.value, read.reading.percent]).toEqual([value, percent]);
  });

  test.each([['about 40'], ['40 (estimate)'], ['Actual: unknown']])('%s stays text', (text) => {
    expect(readFigure({ value: text }).kind).toBe('not-a-number');
  });

  test('a percentage typed as text and one stored as a formatted number are on one scale', () => {
    const text = readFigure({ value: '92.0%' });
    const number = readFigure({ value: 0.93, numberFormat: '0.0%' });
    expect(text.kind === 'number' && number.kind === 'number' && number.reading.value >= text.reading.value).toBe(true);
    expect(number.kind === 'number' && number.reading.value).toBe(93);
  });
});
