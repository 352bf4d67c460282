/**
 * The pane's one hook: every action on the workbook goes through here, so
 * components only render state and call these actions. It talks to the
 * workbook through the LiveWorkbook interface, never to Office directly.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ExportTooLargeError, type LiveWorkbook } from '../../adapters/office';
import type { Report, ReportOptions, ReportResult } from '../../core/report';
import type { EmlAttachment } from '../../email/eml';
import { reports } from '../../core/reports';
import type { WorkbookGrids } from '../../model/grid';
import type { Issue } from '../../model/issue';
import { cleanSettings, DEFAULT_SETTINGS, type ExportDestination, PANE_SETTINGS_KEY, type PaneSettings } from '../pane-settings';
import { viewWorkbook, type WorkbookView } from '../workbook-view';

export interface Progress {
  /** 0 to 1. */
  value: number;
  label: string;
}

export interface RunOutcome {
  title: string;
  summary: string;
  issues: Issue[];
  /** Where the output went, in words. */
  note: string;
}

/** An export Excel could not open as a new workbook; its sheets can go into this one instead. */
export interface ExportRefused {
  message: string;
  result: ReportResult;
  report: Report;
}

/** A draft email ready to save: its .eml as a Blob URL the pane's link downloads. */
export interface EmailDraftLink {
  fileName: string;
  subject: string;
  url: string;
  warnings: string[];
}

/** "Prepare email": the workbooks exported in this session, and the draft made from them. */
export interface EmailState {
  exports: EmlAttachment[];
  /** Excel can give a copy of the open workbook to attach. */
  canAttachWorkbook: boolean;
  /** Office lets the pane save a file here (not on Mac or iPad). */
  canDownload: boolean;
  preparing: boolean;
  draft?: EmailDraftLink;
  error?: string;
}

export interface EmailRequest {
  to: string;
  cc: string;
  attachWorkbook: boolean;
}

export interface PaneState {
  loading: boolean;
  busy: boolean;
  grids?: WorkbookGrids;
  view?: WorkbookView;
  settings: PaneSettings;
  progress?: Progress;
  outcome?: RunOutcome;
  refused?: ExportRefused;
  error?: string;
  email: EmailState;
}

export interface PaneActions {
  reports: readonly Report[];
  setScheme(scheme: string | undefined): void;
  setPeriod(period: string | undefined): void;
  setExportTo(destination: ExportDestination): void;
  setSpcColumns(on: boolean): void;
  run(report: Report): Promise<void>;
  /** After an export was refused: add its sheets to this workbook. */
  addRefusedToThisWorkbook(): Promise<void>;
  selectIssue(issue: Issue): Promise<void>;
  reload(): Promise<void>;
  /** Builds a draft .eml of the exports (and a copy of this workbook when asked). */
  prepareEmail(request: EmailRequest): Promise<void>;
}

/** Lets the progress bar paint before the next long step. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function optionsOf(settings: PaneSettings, today: string): ReportOptions {
  return { scheme: settings.scheme, period: settings.period, ...(settings.spcColumns !== undefined ? { spcColumns: settings.spcColumns } : {}), today };
}

export function useRagbook(workbook: LiveWorkbook, today: () => string): PaneState & PaneActions {
  const [state, setState] = useState<PaneState>(() => ({
    loading: true,
    busy: false,
    settings: DEFAULT_SETTINGS,
    email: { exports: [], canAttachWorkbook: workbook.canCopyWorkbook(), canDownload: workbook.canDownload(), preparing: false },
  }));
  const patch = useCallback((change: Partial<PaneState>) => setState((s) => ({ ...s, ...change })), []);

  const look = useCallback(
    (grids: WorkbookGrids, settings: PaneSettings): Partial<PaneState> => {
      try {
        return { grids, view: viewWorkbook(grids, optionsOf(settings, today())) };
      } catch (error) {
        return { grids, view: undefined, error: message(error) };
      }
    },
    [today],
  );

  const reload = useCallback(async () => {
    patch({ loading: true, error: undefined });
    try {
      const [grids, stored] = await Promise.all([workbook.read(), workbook.readSetting<unknown>(PANE_SETTINGS_KEY)]);
      const settings = cleanSettings(stored);
      patch({ loading: false, settings, ...look(grids, settings) });
    } catch (error) {
      patch({ loading: false, error: `Ragbook could not read this workbook: ${message(error)}` });
    }
  }, [workbook, look, patch]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const choose = useCallback(
    (change: Partial<PaneSettings>) => {
      const settings = { ...state.settings, ...change };
      // Remembering the choice is a convenience: a failure to save it is not worth an error.
      void workbook.writeSetting(PANE_SETTINGS_KEY, settings).catch(() => undefined);
      setState((s) => ({ ...s, settings, ...(s.grids ? look(s.grids, settings) : {}) }));
    },
    [workbook, look, state.settings],
  );

  const finish = useCallback(
    async (report: Report, result: ReportResult, note: string) => {
      patch({ progress: { value: 0.9, label: 'Reading the workbook back…' } });
      const grids = await workbook.read();
      setState((s) => ({
        ...s,
        ...look(grids, s.settings),
        busy: false,
        progress: undefined,
        outcome: { title: report.title, summary: result.summary, issues: result.issues, note },
      }));
    },
    [workbook, look, patch],
  );

  const run = useCallback(
    async (report: Report) => {
      patch({ busy: true, error: undefined, outcome: undefined, refused: undefined, progress: { value: 0.1, label: 'Reading the workbook…' } });
      try {
        const grids = await workbook.read();
        patch({ progress: { value: 0.35, label: `${report.title}: working it out…` } });
        await nextFrame();
        const result = report.run(grids, optionsOf(state.settings, today()));
        const intoNewWorkbook = report.target === 'new' && state.settings.exportTo === 'new-workbook';
        patch({ progress: { value: 0.6, label: intoNewWorkbook ? 'Building the new workbook…' : 'Writing to the workbook…' } });
        await nextFrame();
        if (intoNewWorkbook) {
          try {
            const bytes = await workbook.openAsNewWorkbook(result.plan);
            const name = `${workbook.baseName() ?? 'Ragbook'}-${report.fileSuffix}.xlsx`;
            // The latest export of each report is the one an email attaches.
            setState((s) => ({ ...s, email: { ...s.email, exports: [...s.email.exports.filter((e) => e.name !== name), { name, bytes }] } }));
          } catch (error) {
            if (!(error instanceof ExportTooLargeError)) throw error;
            patch({ busy: false, progress: undefined, refused: { message: error.message, result, report } });
            return;
          }
          await finish(report, result, 'It opened as a new workbook.');
        } else {
          await workbook.write(result.plan);
          await finish(report, result, report.target === 'new' ? 'Its sheets were added to this workbook.' : 'This workbook was updated.');
        }
      } catch (error) {
        patch({ busy: false, progress: undefined, error: message(error) });
      }
    },
    [workbook, state.settings, today, patch, finish],
  );

  const addRefusedToThisWorkbook = useCallback(async () => {
    const refused = state.refused;
    if (!refused) return;
    patch({ busy: true, refused: undefined, progress: { value: 0.6, label: 'Adding the sheets to this workbook…' } });
    try {
      await workbook.write(refused.result.plan);
      await finish(refused.report, refused.result, 'Its sheets were added to this workbook.');
    } catch (error) {
      patch({ busy: false, progress: undefined, error: message(error) });
    }
  }, [workbook, state.refused, patch, finish]);

  const selectIssue = useCallback(
    async (issue: Issue) => {
      try {
        await workbook.select(issue.sheet, issue.cell);
      } catch (error) {
        patch({ error: `Could not go to ${issue.sheet}${issue.cell ? `!${issue.cell}` : ''}: ${message(error)}` });
      }
    },
    [workbook, patch],
  );

  const setEmail = useCallback((change: Partial<EmailState>) => setState((s) => ({ ...s, email: { ...s.email, ...change } })), []);

  const prepareEmail = useCallback(
    async ({ to, cc, attachWorkbook }: EmailRequest) => {
      setEmail({ preparing: true, error: undefined });
      try {
        const attachments = [...state.email.exports];
        if (attachWorkbook) attachments.unshift({ name: `${workbook.baseName() ?? 'Workbook'}.xlsx`, bytes: await workbook.copyOfWorkbook() });
        const { prepareEmailDraft } = await import(/* webpackChunkName: "email" */ '../email-draft.js');
        const draft = await prepareEmailDraft({ to, cc, attachments });
        const url = URL.createObjectURL(new Blob([draft.eml], { type: 'message/rfc822' }));
        setState((s) => {
          if (s.email.draft) URL.revokeObjectURL(s.email.draft.url);
          return { ...s, email: { ...s.email, preparing: false, draft: { fileName: draft.fileName, subject: draft.subject, url, warnings: draft.warnings } } };
        });
      } catch (error) {
        setEmail({ preparing: false, error: message(error) });
      }
    },
    [workbook, state.email.exports, setEmail],
  );

  return useMemo(
    () => ({
      ...state,
      reports,
      setScheme: (scheme) => choose({ scheme }),
      setPeriod: (period) => choose({ period }),
      setExportTo: (exportTo) => choose({ exportTo }),
      setSpcColumns: (spcColumns) => choose({ spcColumns }),
      run,
      addRefusedToThisWorkbook,
      selectIssue,
      reload,
      prepareEmail,
    }),
    [state, choose, run, addRefusedToThisWorkbook, selectIssue, reload, prepareEmail],
  );
}
