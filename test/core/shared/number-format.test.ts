import { prefixedFormat, unprefixedFormat } from '../../../src/core/shared/number-format';
import { isDateFormat, isPercentFormat, formatDecimals } from '../../../src/core/shared/values';

const OWN = ['✓', '✗', '≈', '★'];

describe('prefixedFormat', () => {
  test.each([
    [undefined, '"✓ "General;"✓ "-General;"✓ "General;"✓ "@'],
    ['0.0%', '"✓ "0.0%;"✓ "-0.0%;"✓ "0.0%;"✓ "@'],
    ['#,##0', '"✓ "#,##0;"✓ "-#,##0;"✓ "#,##0;"✓ "@'],
    ['#,##0;[Red](#,##0)', '"✓ "#,##0;[Red]"✓ "(#,##0);"✓ "#,##0;"✓ "@'],
    ['0.0;-0.0;"nil";@" pts"', '"✓ "0.0;"✓ "-0.0;"✓ ""nil";"✓ "@" pts"'],
    ['[Blue][>=100]0;[Red][<50]0;0', '[Blue][>=100]"✓ "0;[Red][<50]"✓ "0;"✓ "0'],
    ['0;-0;;@', '"✓ "0;"✓ "-0;;"✓ "@'],
    ['[h]:mm', '"✓ "[h]:mm;"✓ "-[h]:mm;"✓ "[h]:mm;"✓ "@'],
    ['@', '"✓ "General;"✓ "-General;"✓ "General;"✓ "@'],
    ['[$-809]dd/mm/yyyy', '[$-809]"✓ "dd/mm/yyyy;[$-809]"✓ "-dd/mm/yyyy;[$-809]"✓ "dd/mm/yyyy;"✓ "@'],
  ])('%s gets the symbol before every figure: %s', (code, expected) => {
    expect(prefixedFormat(code, '✓')).toBe(expected);
  });

  test('a code too long for Excel (255 characters) gets the symbol in its own sections only, or not at all', () => {
    const long = `0.0" ${'x'.repeat(80)}"`;
    expect(prefixedFormat(long, '✓')).toBe(`"✓ "${long}`);
    expect(prefixedFormat(`0.0" ${'x'.repeat(250)}"`, '✓')).toBeUndefined();
  });

  test('a semicolon inside quotes or escaped is not a section break', () => {
    expect(prefixedFormat('0" a;b"', '✗')).toBe('"✗ "0" a;b";"✗ "-0" a;b";"✗ "0" a;b";"✗ "@');
    expect(prefixedFormat('0\\;0', '✗')).toBe('"✗ "0\\;0;"✗ "-0\\;0;"✗ "0\\;0;"✗ "@');
  });

  test('the composed code keeps what readers see in the user\'s: percent, decimals, a date', () => {
    expect(isPercentFormat(prefixedFormat('0.0%', '✓'))).toBe(true);
    expect(formatDecimals(prefixedFormat('#,##0.00', '≈'))).toBe(2);
    expect(formatDecimals(prefixedFormat(undefined, '≈'))).toBeUndefined();
    expect(isDateFormat(prefixedFormat('dd/mm/yyyy', '✗'))).toBe(true);
    expect(isDateFormat(prefixedFormat('0.0', '✗'))).toBe(false);
  });
});

describe('unprefixedFormat', () => {
  test.each([undefined, '0.0%', '#,##0', '#,##0;[Red](#,##0)', '0.0;-0.0;"nil";@" pts"', '[Blue][>=100]0;[Red][<50]0;0', '[h]:mm', 'dd/mm/yyyy', '"£"#,##0.00'])(
    '%s comes back as it was, whichever symbol was added',
    (code) => {
      for (const symbol of OWN) expect(unprefixedFormat(prefixedFormat(code, symbol), OWN)).toBe(code);
    },
  );

  test('a second run composes from the original: symbols never stack', () => {
    const first = prefixedFormat('0.0%', '✓');
    const second = prefixedFormat(unprefixedFormat(first, OWN), '✗');
    expect(second).toBe('"✗ "0.0%;"✗ "-0.0%;"✗ "0.0%;"✗ "@');
  });

  test("the user's own literals are left alone", () => {
    expect(unprefixedFormat('"✓ done "0', OWN)).toBe('"✓ done "0');
    expect(unprefixedFormat('"Total "0', OWN)).toBe('"Total "0');
    expect(unprefixedFormat(undefined, OWN)).toBeUndefined();
  });
});
