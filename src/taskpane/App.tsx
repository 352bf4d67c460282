import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { LiveWorkbook } from '../adapters/office';
import { Pane } from './components/Pane';
import { useRagbook } from './hooks/useRagbook';

/** The pane in Fluent's light or dark theme, following Office's. */
export function App({ workbook, today, dark }: { workbook: LiveWorkbook; today: () => string; dark: boolean }) {
  const pane = useRagbook(workbook, today);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <Pane {...pane} />
    </FluentProvider>
  );
}
