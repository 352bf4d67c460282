import { isPlanLink, type PlanValue } from '../../model/plan';

/**
 * Strings Excel would not keep as typed when written through `Range.values`:
 * "=…", "+…", "-…", "@…" become formulas, "#N/A" an error, a leading
 * apostrophe is taken as Excel's text prefix and dropped, and text with a
 * digit ("45%", "1,234", "March 2013") or TRUE/FALSE may become a number, a
 * date or a boolean. Those cells get the Text number format ("@") before
 * their value, so they stay exactly the text in the plan (SPEC §4).
 */
export function needsTextFormat(value: PlanValue): boolean {
  const text = isPlanLink(value) ? value.text : value;
  if (typeof text !== 'string' || text === '') return false;
  return /^[=+\-@#']/.test(text) || /\d/.test(text) || /^\s*(true|false)\s*$/i.test(text);
}

/** Excel's Text number format. */
export const TEXT_FORMAT = '@';
