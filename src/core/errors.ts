/**
 * The workbook or the options make a report impossible (as opposed to problems
 * that become Issues). The message is for a performance officer.
 */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
}

/** --period names a period the workbook does not have. */
export class UnknownPeriodError extends ReportInputError {
  override name = 'UnknownPeriodError';
}

/** The workbook has nothing this report can work on. */
export class NothingToReportError extends ReportInputError {
  override name = 'NothingToReportError';
}
