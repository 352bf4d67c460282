import { polarityInName, readPolarityWording } from '../../../src/core/wording/polarity';

/** Phrasings as published councils write them, and what they mean. */
describe('polarity as a sentence', () => {
  test.each([
    ['A higher percentage of Looked After Children participating in learning indicates a better performance', 'higher'],
    ['A lower rate of re-offending indicates a better performance', 'lower'],
    ['Lower number of offenders is better', 'lower'],
    ['Higher percentage is better', 'higher'],
    ['The lower the better', 'lower'],
    ['The higher the better', 'higher'],
    ['A higher rate indicates worse performance', 'lower'],
    ['Fewer days to adoption shows an improvement', 'lower'],
    ['An increase represents a positive outcome', 'higher'],
    ['A lower number of poor quality placements is better', 'lower'],
    ['Good is low', 'lower'],
    ['Good performance is a higher figure', 'higher'],
    ['Aim to reduce', 'lower'],
    ['Aim: maximise', 'higher'],
    ['Reduce the number of first time entrants', 'lower'],
    ['Increase the take-up of free early education', 'higher'],
    ['Closer to target is better', 'band'],
    ['Within the target range is best', 'band'],
  ])('%s → %s', (text, expected) => {
    expect(readPolarityWording(text)).toBe(expected);
  });

  test.each([
    ['Higher is not better'],
    ['Better'],
    ['Performance indicator'],
    ['Number of high needs pupils'],
    ['High needs pupils with an EHCP'],
    [''],
  ])('%s is not read (an Issue, never a guess)', (text) => {
    expect(readPolarityWording(text)).toBeUndefined();
  });
});

describe('polarity written in the measure name', () => {
  test.each([
    ['Primary Admission First Choice (bigger is better)', 'Primary Admission First Choice', 'higher'],
    ['Rate of Fixed Term Exclusions (smaller is better)', 'Rate of Fixed Term Exclusions', 'lower'],
    ['Re-referrals within 12 months (lower is better)', 'Re-referrals within 12 months', 'lower'],
  ])('%s', (name, plainName, polarity) => {
    expect(polarityInName(name)).toEqual({ name: plainName, polarity });
  });

  test.each([['Pupils (high needs)'], ['Children in care (per 10,000)'], ['Adoptions (increase)'], ['Timeliness']])('%s has none', (name) => {
    expect(polarityInName(name)).toBeUndefined();
  });
});
