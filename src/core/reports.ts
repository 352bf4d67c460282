import { actionsReport } from './actions/report';
import { applyReport } from './apply/apply-report';
import { budgetsReport } from './budgets/report';
import { commentaryReport } from './commentary/report';
import { exceptionsReport } from './exceptions/report';
import type { Report } from './report';
import { spcReport } from './spc/report';
import { ttcReport } from './ttc/report';

/** Every report, in the order `ragbook run`, the help and the task pane list them. */
export const reports: Report[] = [applyReport, commentaryReport, ttcReport, budgetsReport, actionsReport, exceptionsReport, spcReport];
