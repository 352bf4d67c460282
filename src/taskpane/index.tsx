/** The task pane's entry: waits for Office, then renders the pane over the live workbook (no Office calls here: the adapter makes them). */
import { createRoot } from 'react-dom/client';
import { connectToExcel, officeThemeIsDark, unsupportedHostMessage, whenOfficeReady } from '../adapters/office';
import { App } from './App';

/** Today's date where the user is, "YYYY-MM-DD" (the core never reads the clock). */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

void whenOfficeReady().then(() => {
  const container = document.getElementById('root');
  if (!container) return;
  const unsupported = unsupportedHostMessage();
  if (unsupported) {
    container.textContent = unsupported;
    return;
  }
  createRoot(container).render(<App workbook={connectToExcel()} today={today} dark={officeThemeIsDark()} />);
});
