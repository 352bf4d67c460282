import { parsePolarity, parseUnit } from '../../../src/core/measures/polarity';

describe('parsePolarity', () => {
  test.each([
    ['Higher is better', 'higher'],
    ['Bigger percentage is better', 'higher'],
    ['Higher percentage is better', 'higher'],
    ['higher is better.', 'higher'],
    ['Up', 'higher'],
    ['↑', 'higher'],
    ['Lower is better', 'lower'],
    ['Smaller percentage is better', 'lower'],
    ['Smaller is better', 'lower'],
    ['Lower number of days is better', 'lower'],
    ['  LOWER   is better ', 'lower'],
    ['Down', 'lower'],
    ['↓', 'lower'],
    ['Plan is best', 'band'],
    ['Target band', 'band'],
  ])('%s → %s', (text, expected) => {
    expect(parsePolarity(text)).toBe(expected);
  });

  test.each(['Good', 'Better', '', 'higher or lower', 'n/a'])('unknown wording %p is not guessed', (text) => {
    expect(parsePolarity(text)).toBeUndefined();
  });
});

describe('parseUnit', () => {
  test.each([
    ['%', 'percent', undefined],
    ['Percentage', 'percent', undefined],
    ['Rate per 10,000', 'rate', 10000],
    ['per 100,000 population', 'rate', 100000],
    ['Days', 'days', undefined],
    ['£m', 'money', undefined],
    ['Number', 'number', undefined],
    ['', 'number', undefined],
  ])('%p → %s', (text, kind, per) => {
    const unit = parseUnit(text);
    expect(unit.kind).toBe(kind);
    expect(unit.per).toBe(per);
  });
});
