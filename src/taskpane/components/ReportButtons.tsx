import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Report } from '../../core/report';
import type { WorkbookGrids } from '../../model/grid';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

export interface ReportButtonsProps {
  reports: readonly Report[];
  grids?: WorkbookGrids;
  disabled: boolean;
  onRun(report: Report): void;
}

/** One button per report the core offers, in the order the core lists them. */
export function ReportButtons({ reports, grids, disabled, onRun }: ReportButtonsProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Reports">
      {reports.map((report, i) => {
        const applies = !grids || !report.appliesTo || report.appliesTo(grids);
        const hintId = `report-hint-${report.name}`;
        return (
          <li key={report.name} className={styles.item}>
            <Button
              appearance={i === 0 ? 'primary' : 'secondary'}
              disabled={disabled || !applies}
              aria-describedby={applies ? undefined : hintId}
              onClick={() => onRun(report)}
            >
              {report.title}
            </Button>
            {!applies && (
              <Caption1 id={hintId}>Needs {report.needs ?? 'data this workbook does not have'}.</Caption1>
            )}
          </li>
        );
      })}
    </ul>
  );
}
