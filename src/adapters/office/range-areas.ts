/**
 * Many ranges as one: `Worksheet.getRanges("B2:B9,D4,…")` (ExcelApi 1.9)
 * formats every listed range with one call, so a fill costs its address in
 * the request rather than a range object of its own (~600 bytes each).
 */
import { rangeAddress } from '../../model/address';
import type { CellRange } from '../../model/plan';

/**
 * getRanges takes at most 8,192 characters of address; longer lists fail with
 * "The argument is invalid or missing" (Microsoft's Excel range limits;
 * OfficeDev/office-js#5198 fails at 8,207). Lists stay under this.
 */
export const ADDRESS_LIST_LIMIT = 8000;

/** The ranges' addresses, comma-separated, in as few lists as fit the limit. */
export function addressLists(ranges: CellRange[], limit = ADDRESS_LIST_LIMIT): string[] {
  const lists: string[] = [];
  let current = '';
  for (const { row, col, rowCount, colCount } of ranges) {
    const address = rangeAddress(row, col, rowCount, colCount);
    if (current && current.length + 1 + address.length > limit) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}
