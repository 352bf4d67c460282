import { findHeaderRow } from '../../../src/core/shared/headers';
import { MEASURE_HEADERS } from '../../../src/core/measures/measure-fields';
import { sheetGrid } from '../../helpers/grids';

describe('findHeaderRow', () => {
  it('does not read a header cell holding an error (#NAME?) as the header "Name"', () => {
    const sheet = sheetGrid('Measures', [
      ['Measure ID', { value: { error: '#NAME?' } }, 'Measure', 'Q1 2017/18'],
      ['M1', 3, 'Rough sleepers', 12],
    ]);
    const header = findHeaderRow(sheet, MEASURE_HEADERS, []);
    expect(header?.columns).toMatchObject({ id: 0, name: 2 });
    expect(header?.texts[1]).toBe('');
  });

  it('finds no name column when the only candidate is an error', () => {
    const sheet = sheetGrid('Measures', [[{ value: { error: '#NAME?' } }, 'Target'], [12, 10]]);
    expect(findHeaderRow(sheet, MEASURE_HEADERS, [])?.columns.name).toBeUndefined();
  });
});
