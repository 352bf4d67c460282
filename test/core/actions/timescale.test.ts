import { readTimescale, readTimescaleText, saysComplete, type TimescaleReading } from '../../../src/core/actions/timescale';
import { isoDateToSerial } from '../../../src/core/shared/values';

const due = (date: string): TimescaleReading => ({ kind: 'due', due: date });

describe('timescale text → due date (SPEC §5.5)', () => {
  test.each<{ title: string; input: string; expected: TimescaleReading }>([
    { title: 'UK day/month/year', input: '31/03/2013', expected: due('2013-03-31') },
    { title: 'day/month/two-digit year', input: '1/4/13', expected: due('2013-04-01') },
    { title: 'day month-name year', input: '31st March 2013', expected: due('2013-03-31') },
    { title: 'Excel-style day-month-year', input: '31-Mar-13', expected: due('2013-03-31') },
    { title: 'ISO date', input: '2013-03-31', expected: due('2013-03-31') },
    { title: 'a month: its last day', input: 'March 2013', expected: due('2013-03-31') },
    { title: 'a month in February of a leap year', input: 'February 2012', expected: due('2012-02-29') },
    { title: 'an abbreviated month and two-digit year', input: 'Sept-13', expected: due('2013-09-30') },
    { title: 'by a season: autumn ends in November', input: 'by Autumn 2012', expected: due('2012-11-30') },
    { title: 'spring ends in May', input: 'Spring 2013', expected: due('2013-05-31') },
    { title: 'summer ends in August', input: 'summer 2013', expected: due('2013-08-31') },
    { title: 'winter 2012 ends in February 2013', input: 'Winter 2012', expected: due('2013-02-28') },
    { title: 'winter written over two years', input: 'winter 2012/13', expected: due('2013-02-28') },
    { title: 'a financial quarter', input: 'Q3 2016/17', expected: due('2016-12-31') },
    { title: 'a financial quarter written the other way round', input: '2016/17 Q4', expected: due('2017-03-31') },
    { title: 'a financial year', input: '2016/17', expected: due('2017-03-31') },
    { title: 'a financial year with FY and a dash', input: 'FY 2012-13', expected: due('2013-03-31') },
    { title: 'end of a calendar year', input: 'end of 2012', expected: due('2012-12-31') },
    { title: 'a bare year', input: 'During 2013', expected: due('2013-12-31') },
    { title: 'a range: the later end', input: 'April 2012 to March 2013', expected: due('2013-03-31') },
    { title: 'a revised date: the later one', input: 'June 2013 (was December 2012)', expected: due('2013-06-30') },
    { title: 'text around a date', input: 'Report to panel by end of March 2013', expected: due('2013-03-31') },
    { title: 'Completed.', input: 'Completed.', expected: { kind: 'complete' } },
    { title: 'completion wins over a date in the same cell', input: 'Completed March 2013', expected: { kind: 'complete' } },
    { title: 'Complete with a dash and a date', input: 'Complete – 12/02/2013', expected: { kind: 'complete' } },
    { title: 'Done', input: 'Done', expected: { kind: 'complete' } },
    { title: 'Signed off', input: 'Signed off by Cabinet 12/03/2013', expected: { kind: 'complete' } },
    { title: 'completed in a sentence', input: 'This was completed in January 2013', expected: { kind: 'complete' } },
    { title: 'a deadline for completion is not completion', input: 'To be completed by March 2013', expected: due('2013-03-31') },
    { title: '"Complete by" is a deadline', input: 'Complete by June 2013', expected: due('2013-06-30') },
    { title: 'partially complete is not complete', input: 'Partially complete – due 30/04/2013', expected: due('2013-04-30') },
    { title: 'Ongoing', input: 'Ongoing', expected: { kind: 'ongoing' } },
    { title: 'On-going', input: 'On-going', expected: { kind: 'ongoing' } },
    { title: 'Continuous', input: 'Continuous', expected: { kind: 'ongoing' } },
    { title: 'Annual', input: 'Annual', expected: { kind: 'ongoing' } },
    { title: 'Quarterly', input: 'Quarterly', expected: { kind: 'ongoing' } },
    { title: 'a start with no end', input: 'From April 2013 onwards', expected: { kind: 'ongoing' } },
    { title: 'a start with an end is due at the end', input: 'From April 2012 to March 2013', expected: due('2013-03-31') },
    { title: 'a start with an end after a dash', input: 'Starting Jan 2013 - Jun 2013', expected: due('2013-06-30') },
    { title: 'a start written as a date', input: 'From 1-Apr-2013', expected: { kind: 'ongoing' } },
    { title: 'a range without spaces', input: 'Jan 2013-Jun 2013', expected: due('2013-06-30') },
    { title: 'day, short month and two-digit year', input: '31 Mar 13', expected: due('2013-03-31') },
    { title: 'dotted day/month/year', input: '31.03.13', expected: due('2013-03-31') },
    { title: 'medium term', input: 'Medium term', expected: { kind: 'no-date', reason: 'words' } },
    { title: 'Await consultation', input: 'Await consultation', expected: { kind: 'no-date', reason: 'words' } },
    { title: 'TBC', input: 'TBC', expected: { kind: 'no-date', reason: 'words' } },
    { title: 'To be confirmed', input: 'To be confirmed', expected: { kind: 'no-date', reason: 'words' } },
    { title: 'To be determined', input: 'To be determined.', expected: { kind: 'no-date', reason: 'words' } },
    { title: 'blank', input: '  ', expected: { kind: 'no-date', reason: 'blank' } },
    { title: 'N/A', input: 'N/A', expected: { kind: 'not-applicable' } },
    { title: 'Not applicable', input: 'Not applicable', expected: { kind: 'not-applicable' } },
  ])('$title: "$input"', ({ input, expected }) => {
    expect(readTimescaleText(input)).toEqual(expected);
  });

  test.each([
    ['next year', "'next year' is not a timescale Ragbook can read"],
    ['by March', "'by March' is not a timescale Ragbook can read"],
    ['when staffing allows', "'when staffing allows' is not a timescale"],
    ['31/02/2013', "'31/02/2013' is not a date Ragbook can read (dates are day/month/year)"],
    ['03/31/2013', "'03/31/2013' is not a date Ragbook can read"],
    ['Review 10/12', "'Review 10/12': '10/12' is not a date"],
    ['Autumn 1066', "'Autumn 1066' is not a date Ragbook can read"],
  ])('never guesses: "%s" is unreadable', (input, message) => {
    const reading = readTimescaleText(input);
    expect(reading.kind).toBe('unreadable');
    expect(reading.kind === 'unreadable' && reading.message).toContain(message);
  });
});

describe('timescale cells', () => {
  test('a date cell is its date', () => {
    expect(readTimescale({ value: isoDateToSerial('2013-06-30'), numberFormat: 'dd/mm/yyyy' })).toEqual(due('2013-06-30'));
  });
  test('a year typed as a number is the end of that year', () => {
    expect(readTimescale({ value: 2013 })).toEqual(due('2013-12-31'));
  });
  test('an empty cell has no date', () => {
    expect(readTimescale(undefined)).toEqual({ kind: 'no-date', reason: 'blank' });
  });
  test('a number that is not formatted as a date is not guessed at', () => {
    const reading = readTimescale({ value: 41364 });
    expect(reading).toEqual({ kind: 'unreadable', message: '41364 is a number, not a date — treated as no date (format the cell as a date)' });
  });
  test('a date-formatted number outside Excel’s calendar is reported, not a crash', () => {
    expect(readTimescale({ value: 1e12, numberFormat: 'dd/mm/yyyy' }).kind).toBe('unreadable');
    expect(readTimescale({ value: -5, numberFormat: 'dd/mm/yyyy' }).kind).toBe('unreadable');
  });
  test('an error value is reported', () => {
    expect(readTimescale({ value: { error: '#REF!' } }).kind).toBe('unreadable');
  });
});

describe('saysComplete (also used on the Status column)', () => {
  test.each([
    ['Complete', true],
    ['Completed', true],
    ['Action now complete', true],
    ['Work was signed off in January', true],
    ['Not complete', false],
    ['Incomplete', false],
    ['Nearly complete', false],
    ['Some work done; the rest in May', false],
    ['On completion of the review', false],
    ['In progress', false],
  ])('%s → %s', (text, expected) => {
    expect(saysComplete(text)).toBe(expected);
  });
});
