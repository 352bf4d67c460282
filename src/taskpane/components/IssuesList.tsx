import { Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Issue } from '../../model/issue';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxHeight: '40vh', overflowY: 'auto' },
  issue: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightRegular },
  place: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
});

/** The problems found; choosing one selects its cell in the workbook. */
export function IssuesList({ issues, onSelect }: { issues: Issue[]; onSelect(issue: Issue): void }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="issues-heading">
      <Subtitle2 as="h2" id="issues-heading">
        Issues ({issues.length})
      </Subtitle2>
      {issues.length === 0 ? (
        <Caption1>No problems found.</Caption1>
      ) : (
        <ul className={styles.list}>
          {issues.map((issue, i) => {
            const place = issue.cell ? `${issue.sheet}!${issue.cell}` : issue.sheet;
            return (
              <li key={`${place}-${i}`}>
                <Button appearance="subtle" className={styles.issue} onClick={() => onSelect(issue)} title={issue.cell ? `Go to ${place}` : `Go to sheet ${issue.sheet}`}>
                  <span>
                    <span className={styles.place}>{place}</span>
                    {issue.message}
                  </span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
