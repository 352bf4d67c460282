import { makeStyles, tokens } from '@fluentui/react-components';
import type { StatusCount } from '../workbook-view';

const useStyles = makeStyles({
  chart: { display: 'grid', gridTemplateColumns: 'max-content 1fr max-content', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'center', margin: 0 },
  label: { fontSize: tokens.fontSizeBase200 },
  track: { height: '14px' },
  bar: { height: '14px', borderRadius: tokens.borderRadiusSmall, border: `1px solid ${tokens.colorNeutralStroke1}`, boxSizing: 'border-box' },
  count: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, textAlign: 'right', margin: 0 },
});

/** Measures per status as small bars; the label and the number are always written beside the colour. */
export function StatusChart({ counts, caption }: { counts: StatusCount[]; caption: string }) {
  const styles = useStyles();
  const max = Math.max(1, ...counts.map((c) => c.count));
  const description = `${caption}: ${counts.map((c) => `${c.count} ${c.label}`).join(', ')}`;
  return (
    <figure className={styles.chart} role="img" aria-label={description}>
      {counts.map((c) => (
        <div key={c.label} style={{ display: 'contents' }} aria-hidden="true">
          <span className={styles.label}>{c.label}</span>
          <div className={styles.track}>
            <div className={styles.bar} style={{ width: `${Math.max(4, (c.count / max) * 100)}%`, background: c.colour ?? tokens.colorNeutralBackground1 }} />
          </div>
          <span className={styles.count}>{c.count}</span>
        </div>
      ))}
    </figure>
  );
}
