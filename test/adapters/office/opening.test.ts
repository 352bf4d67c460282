/**
 * The live workbook shows the report after a run, as the file opens on it:
 * the plan's `front` sheets lead the tab order and the first is activated;
 * the user's sheets keep their order among themselves.
 */
import { openWorkbook } from '../../../src/adapters/file';
import type { WritePlan } from '../../../src/model/plan';
import { differences } from './compare';
import { applyLikePlan } from './fixtures';
import { execute, simulated } from './run-plan';

function withFront(plan: WritePlan, front: string[]): WritePlan {
  return { ...plan, front };
}

describe('the Office adapter opens the workbook on the report', () => {
  it('moves the front sheets first and activates the first, as the file adapter does', async () => {
    const { sim, bytes } = await simulated(10);
    const plan = withFront(applyLikePlan(10), ['Summary']);
    await execute(sim, plan);
    expect(sim.book.sheets.map((s) => s.name)).toEqual(['Summary', 'Measures', 'Notes', 'Issues']);
    expect(sim.book.activeSheet).toBe('Summary');
    expect(await differences(await (await openWorkbook(bytes)).write(plan), sim.book)).toEqual([]);
  });

  it('a second run gives the same order; a report that leads with other sheets moves only those', async () => {
    const { sim } = await simulated(10);
    const plan = withFront(applyLikePlan(10), ['Summary']);
    await execute(sim, plan);
    await execute(sim, plan);
    expect(sim.book.sheets.map((s) => s.name)).toEqual(['Summary', 'Measures', 'Notes', 'Issues']);
    await execute(sim, withFront({ ...plan, sheets: plan.sheets.filter((s) => s.name === 'Issues') }, ['Issues']));
    expect(sim.book.sheets.map((s) => s.name)).toEqual(['Issues', 'Summary', 'Measures', 'Notes']);
    expect(sim.book.activeSheet).toBe('Issues');
  });

  it('never moves a user’s sheet, even one the plan names in front', async () => {
    const { sim } = await simulated(10);
    await execute(sim, withFront(applyLikePlan(10), ['Notes', 'Measures', 'Summary']));
    expect(sim.book.sheets.map((s) => s.name)).toEqual(['Summary', 'Measures', 'Notes', 'Issues']);
  });

  it('without a front the order and the active sheet stay as they were', async () => {
    const { sim } = await simulated(10);
    await execute(sim, applyLikePlan(10));
    expect(sim.book.sheets.map((s) => s.name)).toEqual(['Measures', 'Notes', 'Summary', 'Issues']);
    expect(sim.book.activeSheet).toBe('Measures');
  });
});
