/**
 * Excel on the web rejects very large single calls (one of 90,000 cells has
 * failed there; 80,000 worked), so arrays written to a range are split into
 * blocks of whole rows well under that. Splitting adds calls to the same
 * batch, never extra `context.sync()` round trips.
 */
export const MAX_CELLS_PER_CALL = 40_000;

/** [first row, row count] pairs covering `rowCount` rows of `colCount` cells each. */
export function rowChunks(rowCount: number, colCount: number, maxCells = MAX_CELLS_PER_CALL): [number, number][] {
  const rowsPerChunk = Math.max(1, Math.floor(maxCells / Math.max(1, colCount)));
  const chunks: [number, number][] = [];
  for (let first = 0; first < rowCount; first += rowsPerChunk) chunks.push([first, Math.min(rowsPerChunk, rowCount - first)]);
  return chunks;
}
