import { Field, makeStyles, Radio, RadioGroup, Select, Switch, tokens } from '@fluentui/react-components';
import { SCHEME_NAMES } from '../../core/measures/scheme';
import type { ExportDestination, PaneSettings } from '../pane-settings';
import type { WorkbookView } from '../workbook-view';

const SCHEME_SHORT: Record<string, string> = { rag: 'RAG', brag: 'BRAG', achieved: 'Achieved' };

const SCHEME_TITLES: Record<string, string> = {
  rag: 'RAG: red, amber, green',
  brag: 'BRAG: blue for exceeded',
  achieved: 'Achieved or not achieved',
};

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // A long option must not widen the control past the pane.
  select: { width: '100%', minWidth: 0 },
  native: { width: '100%', minWidth: 0, textOverflow: 'ellipsis' },
});

export interface OptionsFormProps {
  view?: WorkbookView;
  settings: PaneSettings;
  disabled: boolean;
  onScheme(scheme: string | undefined): void;
  onPeriod(period: string | undefined): void;
  onExportTo(destination: ExportDestination): void;
  onSpcColumns(on: boolean): void;
}

/** Scheme, period, SPC columns and where exports go. Empty values mean "as the workbook says". */
export function OptionsForm({ view, settings, disabled, onScheme, onPeriod, onExportTo, onSpcColumns }: OptionsFormProps) {
  const styles = useStyles();
  const latest = view?.periods.at(-1);
  return (
    <div className={styles.form}>
      <Field label="Colour scheme">
        <Select className={styles.select} select={{ className: styles.native }} value={settings.scheme ?? ''} disabled={disabled} onChange={(_, data) => onScheme(data.value || undefined)}>
          <option value="">As the workbook says ({SCHEME_SHORT[view?.scheme ?? 'rag'] ?? view?.scheme})</option>
          {SCHEME_NAMES.map((name) => (
            <option key={name} value={name}>
              {SCHEME_TITLES[name] ?? name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Period" hint={view?.periods.length ? undefined : 'No periods found yet.'}>
        <Select className={styles.select} select={{ className: styles.native }} value={settings.period ?? ''} disabled={disabled || !view?.periods.length} onChange={(_, data) => onPeriod(data.value || undefined)}>
          <option value="">Latest with data{latest ? ` (${view?.period ?? latest})` : ''}</option>
          {[...(view?.periods ?? [])].reverse().map((label) => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field hint="Whether each measure is really changing, and whether its target can be relied on (statistical process control).">
        <Switch
          label="Add Variation and Assurance columns when applying colours"
          checked={settings.spcColumns ?? view?.spcColumns ?? false}
          disabled={disabled || !view?.sheet}
          onChange={(_, data) => onSpcColumns(data.checked)}
        />
      </Field>
      <Field label="Exports (such as Turning the Curve sheets) go to">
        <RadioGroup value={settings.exportTo} disabled={disabled} onChange={(_, data) => onExportTo(data.value as ExportDestination)}>
          <Radio value="new-workbook" label="A new workbook" />
          <Radio value="this-workbook" label="New sheets in this workbook" />
        </RadioGroup>
      </Field>
    </div>
  );
}
