/**
 * Most wide sheets hold nothing by period but figures: a column per period,
 * a plain number (or nothing) in each cell. Their measures keep those figures
 * as numbers, side by side, and make their Observation objects only when a
 * report asks for them: a sheet of 100,000 measures has 1.2 million figures,
 * and the analysis and the measures sheet's colours read them one measure at
 * a time (observationsToRead), where an object apiece cost a tenth of
 * `apply`'s time and memory.
 */
import type { Cell } from '../../model/grid';
import { plainCellNumber } from '../shared/values';
import type { Period } from './period';
import type { Measure, Observation } from './types';

/** A period column of a wide sheet: the same for every measure on it. */
export interface PeriodSlot {
  label: string;
  period: Period | undefined;
  order: number;
  col: number;
}

/** Shared by observations without benchmark figures: frozen, so it is replaced, never filled. */
export const NO_BENCHMARKS: Record<string, number> = Object.freeze({});

/** An observation of a slot, without a figure yet; every field in the literal, so V8 keeps them inside the object. */
export function emptyObservation({ label, period, order }: Omit<PeriodSlot, 'col'>): Observation {
  return { label, period, order, actual: null, row: undefined, col: undefined, decimals: undefined, benchmarks: NO_BENCHMARKS };
}

/** A slot's observation of a measure: its figure (null: none) in the slot's column of `row`. */
function slotObservation(slot: PeriodSlot, actual: number | null, row: number | undefined): Observation {
  return { ...emptyObservation(slot), actual, row, col: slot.col };
}

/** A plain cell's figure: NaN when it is empty, undefined when it needs reading (text, an error, a formula without a result, a number format, NaN). */
function plainFigure(cell: Cell | undefined): number | undefined {
  if (cell === undefined || (cell.value === null && cell.formula === undefined)) return NaN;
  const figure = plainCellNumber(cell);
  return figure === undefined || Number.isNaN(figure) ? undefined : figure;
}

/** The figures of a wide sheet's plain measures: each measure's, one per slot (NaN: none), one after another. */
export class PlainFigures {
  private readonly values: Float64Array;
  private count = 0;
  /** One observation per slot, filled in turn with each measure's figures (see observationsToRead). */
  private readonly scratch: Observation[];

  /** `rows`: how many measures it may have to hold. */
  constructor(
    readonly slots: readonly PeriodSlot[],
    rows: number,
  ) {
    this.values = new Float64Array(rows * slots.length);
    this.scratch = slots.map((slot) => slotObservation(slot, null, undefined));
  }

  /** Adds a row's figures when every one of them is plain; returns where they start, or -1 (the row is read the long way). */
  add(cells: readonly (Cell | undefined)[]): number {
    const { slots, values } = this;
    const at = this.count * slots.length;
    for (let i = 0; i < slots.length; i++) {
      const figure = plainFigure(cells[slots[i].col]);
      if (figure === undefined) return -1;
      values[at + i] = figure;
    }
    this.count++;
    return at;
  }

  /** The measure's observations as objects of their own. */
  observations(at: number, row: number): Observation[] {
    return this.slots.map((slot, i) => slotObservation(slot, this.actual(at + i), row));
  }

  /** The measure's observations written into the scratch ones, which the next measure's overwrite. */
  fill(at: number, row: number): readonly Observation[] {
    const { scratch } = this;
    for (let i = 0; i < scratch.length; i++) {
      scratch[i].actual = this.actual(at + i);
      scratch[i].row = row;
    }
    return scratch;
  }

  private actual(i: number): number | null {
    const value = this.values[i];
    return Number.isNaN(value) ? null : value;
  }
}

/**
 * A measure of a wide sheet whose figures are all plain (see PlainFigures),
 * its other fields set on it by readMeasureFields: its observations are made
 * when first asked for.
 */
export class PlainWideMeasure {
  readonly #figures: PlainFigures;
  readonly #at: number;
  /** Its row on the sheet, where its figures are. */
  readonly #row: number;
  #observations: Observation[] | undefined;

  constructor(figures: PlainFigures, at: number, row: number) {
    this.#figures = figures;
    this.#at = at;
    this.#row = row;
  }

  get observations(): Observation[] {
    this.#observations ??= this.#figures.observations(this.#at, this.#row);
    return this.#observations;
  }

  /** Its observations in the figures' scratch objects, until the next measure's are read. */
  scratch(): readonly Observation[] {
    return this.#observations ?? this.#figures.fill(this.#at, this.#row);
  }

  /** How many observations it has (one per period column), without reading them. */
  get count(): number {
    return this.#figures.slots.length;
  }

  get slots(): readonly PeriodSlot[] {
    return this.#figures.slots;
  }
}

/**
 * A measure's observations to read through, one measure at a time: a plain
 * wide measure's are its sheet's scratch objects, filled with its figures and
 * overwritten by the next measure's; keep one past that with lastingObservation().
 */
export function observationsToRead(measure: Measure): readonly Observation[] {
  return measure instanceof PlainWideMeasure ? measure.scratch() : measure.observations;
}

/** The period slots a plain wide measure's observations are made from (every measure of its sheet has the same); undefined for any other measure. */
export function plainSlotsOf(measure: Measure): readonly PeriodSlot[] | undefined {
  return measure instanceof PlainWideMeasure ? measure.slots : undefined;
}

/** How many observations a measure has, without making or filling them. */
export function observationCount(measure: Measure): number {
  return measure instanceof PlainWideMeasure ? measure.count : measure.observations.length;
}

/** An observation from observationsToRead() to keep: a copy of a scratch one. */
export function lastingObservation(measure: Measure, observations: readonly Observation[], index: number): Observation {
  return measure instanceof PlainWideMeasure ? { ...observations[index] } : observations[index];
}
