import {
  Body1,
  Button,
  Caption1,
  Divider,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { PaneActions, PaneState } from '../hooks/useRagbook';
import type { WorkbookView } from '../workbook-view';
import { EmailSection } from './EmailSection';
import { IssuesList } from './IssuesList';
import { OptionsForm } from './OptionsForm';
import { ReportButtons } from './ReportButtons';
import { StatusChart } from './StatusChart';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Focus lands here after a report or a failure: outlined so a keyboard user sees where it went.
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
});

function describeSource(view: WorkbookView | undefined): string {
  if (!view?.sheet) return 'No sheet of measures found. Ragbook looks for a header row naming the measure ("Measure", "Indicator" or "KPI") with period columns such as "Q1 2017/18", or "Period" and "Actual" columns.';
  const layout = view.layout === 'long' ? 'one row per measure and period' : 'one row per measure';
  return `${view.measureCount} measure${view.measureCount === 1 ? '' : 's'} on the sheet "${view.sheet}" (${layout}).`;
}

export type PaneProps = PaneState & PaneActions;

/** The whole pane. It renders state and calls actions; it never touches Excel. */
export function Pane(props: PaneProps) {
  const styles = useStyles();
  const { view, settings, busy, loading, progress, outcome, refused, error } = props;
  const resultRef = useRef<HTMLElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // What an action ends in takes the focus: its result, or why it did not work.
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (error || refused) alertRef.current?.focus();
  }, [error, refused]);
  if (loading && !view) {
    return (
      <main className={styles.pane}>
        <Spinner label="Reading the workbook…" />
      </main>
    );
  }
  return (
    <main className={styles.pane}>
      <header className={styles.section}>
        <Title3 as="h1">Ragbook</Title3>
        <Body1 id="data-source">{describeSource(view)}</Body1>
      </header>

      {/* Progress and results sit at the top, so a report's outcome shows without scrolling even in a narrow, short pane. */}
      <div aria-live="polite">
        {progress && (
          <Field validationMessage={progress.label} validationState="none">
            <ProgressBar value={progress.value} max={1} thickness="large" aria-label={progress.label} />
          </Field>
        )}
      </div>

      <div ref={alertRef} tabIndex={-1} role="alert" data-testid="alert" className={styles.result}>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>That did not work</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {refused && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Too large for a new workbook</MessageBarTitle>
              {refused.message}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void props.addRefusedToThisWorkbook()}>Add the sheets to this workbook</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>

      {/* Always present, so screen readers announce what appears in it; focused when a report is done. */}
      <section ref={resultRef} tabIndex={-1} aria-live="polite" aria-labelledby={outcome ? 'result-heading' : undefined} data-testid="result" className={styles.result}>
        {outcome && (
          <>
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle id="result-heading">{outcome.title}: done</MessageBarTitle>
                <span data-testid="result-summary">{outcome.summary}</span>. {outcome.note}
              </MessageBarBody>
            </MessageBar>
            <IssuesList issues={outcome.issues} onSelect={(issue) => void props.selectIssue(issue)} />
            <Divider />
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="options-heading">
        <Subtitle2 as="h2" id="options-heading">
          Options
        </Subtitle2>
        <OptionsForm view={view} settings={settings} disabled={busy} onScheme={props.setScheme} onPeriod={props.setPeriod} onExportTo={props.setExportTo} onSpcColumns={props.setSpcColumns} />
      </section>

      {view && view.counts.length > 0 && (
        <section className={styles.section} aria-labelledby="status-heading">
          <Subtitle2 as="h2" id="status-heading">
            Measures by status{view.period ? `, ${view.period}` : ''}
          </Subtitle2>
          <StatusChart counts={view.counts} caption={`Measures by status${view.period ? ` for ${view.period}` : ''}`} />
        </section>
      )}

      <section className={styles.section} aria-labelledby="reports-heading">
        <Subtitle2 as="h2" id="reports-heading">
          Reports
        </Subtitle2>
        <ReportButtons reports={props.reports} grids={props.grids} disabled={busy || loading} onRun={(report) => void props.run(report)} />
        <Button appearance="transparent" size="small" disabled={busy || loading} onClick={() => void props.reload()}>
          Read the workbook again
        </Button>
      </section>

      <section className={styles.section} aria-labelledby="email-heading">
        <Divider />
        <Subtitle2 as="h2" id="email-heading">
          Prepare email
        </Subtitle2>
        <EmailSection email={props.email} disabled={busy || loading} onPrepare={(request) => void props.prepareEmail(request)} />
      </section>
      <Caption1>Ragbook never changes a value you typed: it adds colours, its own columns and its own sheets.</Caption1>
    </main>
  );
}
