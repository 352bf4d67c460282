import { type JudgementInput, judgeAction, stateLook, stateStyles, ACTION_STATES } from '../../../src/core/actions/state';
import type { TimescaleReading } from '../../../src/core/actions/timescale';
import { COLOURS, type Scheme, schemeNamed } from '../../../src/core/measures/scheme';

const AS_AT = '2013-03-04';
const base: JudgementInput = { reading: { kind: 'no-date', reason: 'blank' }, rejected: false, hasAction: true, statusComplete: false, asAt: AS_AT, warningDays: 28 };
const judge = (reading: TimescaleReading, more: Partial<JudgementInput> = {}) => judgeAction({ ...base, reading, ...more });
const due = (date: string): TimescaleReading => ({ kind: 'due', due: date });

describe('action states as at 4 March 2013, warning window 28 days', () => {
  test.each<{ title: string; reading: TimescaleReading; more?: Partial<JudgementInput>; state: string; daysOverdue?: number }>([
    { title: 'due the day before the as-at date is overdue by 1 day', reading: due('2013-03-03'), state: 'overdue', daysOverdue: 1 },
    { title: 'due months ago', reading: due('2012-11-30'), state: 'overdue', daysOverdue: 94 },
    { title: 'due exactly on the as-at date is due soon, not overdue', reading: due('2013-03-04'), state: 'due-soon' },
    { title: 'due on the last day of the window is due soon', reading: due('2013-04-01'), state: 'due-soon' },
    { title: 'due the day after the window is on track', reading: due('2013-04-02'), state: 'on-track' },
    { title: 'completion in the timescale', reading: { kind: 'complete' }, state: 'complete' },
    { title: 'a past date with the Status column saying complete', reading: due('2012-12-31'), more: { statusComplete: true }, state: 'complete' },
    { title: 'ongoing', reading: { kind: 'ongoing' }, state: 'ongoing' },
    { title: 'no date words', reading: { kind: 'no-date', reason: 'words' }, state: 'no-date' },
    { title: 'a blank timescale', reading: { kind: 'no-date', reason: 'blank' }, state: 'no-date' },
    { title: 'unreadable text', reading: { kind: 'unreadable', message: 'x' }, state: 'no-date' },
    { title: 'N/A with no action', reading: { kind: 'not-applicable' }, more: { hasAction: false }, state: 'not-accepted' },
    { title: 'N/A with an action is only without a date', reading: { kind: 'not-applicable' }, state: 'no-date' },
    { title: 'accepted No wins over a date', reading: due('2012-01-01'), more: { rejected: true }, state: 'not-accepted' },
    { title: 'accepted No wins over Completed', reading: { kind: 'complete' }, more: { rejected: true }, state: 'not-accepted' },
  ])('$title', ({ reading, more, state, daysOverdue }) => {
    const judgement = judge(reading, more);
    expect(judgement.state).toBe(state);
    expect(judgement.daysOverdue).toBe(daysOverdue);
  });

  test('the window comes from the caller: 7 days', () => {
    expect(judge(due('2013-03-11'), { warningDays: 7 }).state).toBe('due-soon');
    expect(judge(due('2013-03-12'), { warningDays: 7 }).state).toBe('on-track');
  });

  test('a window of 0 days: only actions due on the as-at date are due soon', () => {
    expect(judge(due('2013-03-04'), { warningDays: 0 }).state).toBe('due-soon');
    expect(judge(due('2013-03-05'), { warningDays: 0 }).state).toBe('on-track');
  });
});

describe('state looks', () => {
  const rag = schemeNamed('rag') as Scheme;
  const brag = schemeNamed('brag') as Scheme;
  test.each([
    ['overdue', 'Overdue', COLOURS.red],
    ['due-soon', 'Due soon', COLOURS.amber],
    ['on-track', 'On track', COLOURS.green],
    ['ongoing', 'Ongoing', COLOURS.green],
    ['no-date', 'No date', COLOURS.grey],
    ['not-accepted', 'Not accepted', undefined],
    ['complete', 'Complete', COLOURS.green],
  ] as const)('%s under rag: %s', (state, label, colour) => {
    expect(stateLook(state, rag)).toEqual({ label, ...(colour ? { colour } : {}) });
  });

  test('complete is blue under brag', () => {
    expect(stateLook('complete', brag)).toEqual({ label: 'Complete', colour: COLOURS.blue });
  });

  test('every state has a bordered label style; not accepted has no fill', () => {
    const styles = stateStyles(rag);
    expect(Object.keys(styles)).toHaveLength(ACTION_STATES.length);
    expect(styles['action.not-accepted'].fill).toBeUndefined();
    expect(styles['action.overdue']).toMatchObject({ fill: COLOURS.red, border: true, wrap: true });
  });
});
