import { columnPoints, headerAndFooter, markPrintedPages, readableFit } from '../../../src/core/shared/print-setup';
import { SheetBuilder } from '../../../src/core/shared/sheet-builder';
import { emptyPlan } from '../../../src/model/plan';

/** The text size a fit prints 11 pt at, for a sheet `width` points wide (A4, half-inch side margins). */
function printedPoints(width: number, fit: ReturnType<typeof readableFit>): number {
  const printable = (fit.orientation === 'portrait' ? 595.3 : 841.9) - 72;
  return 11 * (fit.fitToWidth ? Math.min(1, printable / width) : (fit.scale as number) / 100);
}

describe('readableFit', () => {
  it('fits a narrow sheet to one page wide in the orientation asked for', () => {
    expect(readableFit(500, 'portrait')).toEqual({ orientation: 'portrait', fitToWidth: true });
  });

  it('turns a sheet to landscape when portrait would print it below 8 pt, at the scale that fits it one page wide', () => {
    // 770 pt printable across landscape A4 for a sheet 900 pt wide: 85.5%, less 6% spare.
    expect(readableFit(900, 'portrait')).toEqual({ orientation: 'landscape', fitToWidth: false, scale: 80 });
    // The spare never takes text below 8 pt: 11 pt at 76% is 8.4 pt.
    expect(readableFit(1000, 'portrait')).toEqual({ orientation: 'landscape', fitToWidth: false, scale: 76 });
    expect(readableFit(700, 'landscape')).toEqual({ orientation: 'landscape', fitToWidth: true });
  });

  it('prints a very wide sheet at 75% over several pages rather than shrinking it', () => {
    expect(readableFit(3000, 'landscape')).toEqual({ orientation: 'landscape', fitToWidth: false, scale: 75 });
    expect(readableFit(3000, 'landscape', 9).scale).toBe(89);
  });

  it('never prints 11 pt text below 8 pt, whatever the width', () => {
    for (let width = 100; width < 5000; width += 37) {
      for (const orientation of ['portrait', 'landscape'] as const) expect(printedPoints(width, readableFit(width, orientation))).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('a generated sheet’s print setup', () => {
  it('carries title, period, page numbers, margins and a readable fit', () => {
    const builder = new SheetBuilder('Wide').title('Budgets & spend', 'note').period('Q2 2018/19');
    builder.row(Array.from({ length: 20 }, (_, i) => `Column ${i}`), 'header');
    const sheet = builder.widths(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i, 20]))).page({ orientation: 'portrait', fitToWidth: true }).build();
    expect(20 * columnPoints(20)).toBeGreaterThan(1000);
    expect(sheet.page).toMatchObject({
      orientation: 'landscape',
      fitToWidth: false,
      scale: 75,
      header: { left: 'Budgets && spend', right: 'Q2 2018/19' },
      footer: { right: 'Page &P of &N' },
      margins: { left: 0.5, right: 0.5 },
    });
  });

  it('prints portrait one page wide when the sheet never asked', () => {
    const builder = new SheetBuilder('Narrow').title('Short', 'note');
    builder.row(['a', 'b'], 'text');
    expect(builder.build().page).toMatchObject({ orientation: 'portrait', fitToWidth: true, header: { left: 'Short' } });
  });

  it('puts the protective marking at the centre of every generated page’s header and footer', () => {
    const plan = emptyPlan();
    const builder = new SheetBuilder('Summary').title('Summary', 'note');
    plan.sheets.push(builder.build(), { name: 'Measures', mode: 'existing', values: [], styles: [], page: { orientation: 'landscape', fitToWidth: false, scale: 75 } });
    markPrintedPages(plan, 'OFFICIAL-SENSITIVE');
    expect(plan.sheets[0].page?.header?.center).toBe('&"-,Bold"OFFICIAL-SENSITIVE');
    expect(plan.sheets[0].page?.footer?.center).toBe('&"-,Bold"OFFICIAL-SENSITIVE');
    expect(plan.sheets[0].page?.header?.left).toBe('Summary');
    expect(plan.sheets[1].page?.header).toBeUndefined();
  });

  it('says what the page is even without a period', () => {
    expect(headerAndFooter('A & B')).toEqual({ header: { left: 'A && B' }, footer: { left: 'Ragbook', right: 'Page &P of &N' } });
  });
});
