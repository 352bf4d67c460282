/**
 * A reading of text that keeps its results: workbook texts repeat down a sheet
 * ("Higher is better", "±5" on every row), so each distinct text is read once.
 * Results are shared between callers and must not be changed.
 */
export function memoByText<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const result = read(text);
    known.set(text, result);
    return result;
  };
}
