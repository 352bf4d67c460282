/**
 * A value axis scaled to the data: round bounds a step beyond the values, so
 * a line moving between 60 and 70 fills the chart instead of hugging its top.
 * Zero is kept as the floor when the data come close to it, and percentages
 * never run past 0 or 100.
 */
const STEPS = [1, 2, 2.5, 5, 10];
/** About this many gridlines. */
const TICKS = 5;

function niceStep(span: number): number {
  const rough = span / TICKS;
  const power = 10 ** Math.floor(Math.log10(rough));
  return (STEPS.find((s) => s * power >= rough) ?? 10) * power;
}

/** Rounds away the binary noise of step arithmetic (0.1 × 3 = 0.30000000000000004). */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/** Bounds for the finite values; undefined when there are none. */
export function valueAxisFor(values: readonly (number | null | undefined)[], percent = false): { min: number; max: number } | undefined {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return undefined;
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const span = high - low || Math.abs(high) / 10 || 1;
  const step = niceStep(span);
  let min = Math.floor(low / step) * step;
  let max = Math.ceil(high / step) * step;
  if (min === low) min -= step;
  if (max === high) max += step;
  // Within a step or two of zero, starting at zero reads more honestly than a floor just above it.
  if (low >= 0 && min < step * 2) min = 0;
  if (percent) {
    min = Math.max(min, 0);
    max = Math.min(max, 100);
  }
  return { min: tidy(min), max: tidy(max) };
}
