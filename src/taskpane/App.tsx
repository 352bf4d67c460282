import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { LiveWorkbook } from '../adapters/office';
import { Pane } from './components/Pane';
import { useRagbook } from './hooks/useRagbook';

export function App({ workbook, today }: { workbook: LiveWorkbook; today: () => string }) {
  const pane = useRagbook(workbook, today);
  return (
    <FluentProvider theme={webLightTheme}>
      <Pane {...pane} />
    </FluentProvider>
  );
}
