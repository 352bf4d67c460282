/**
 * End to end: the built task pane (dist/) served on 127.0.0.1 and driven in
 * headless Debian Chromium against the simulated Excel host, which the test
 * serves at office.js's CDN address (the machine has no internet). Pick
 * options, Apply colours, read the summary and the Issues list, go to an
 * issue's cell, export Turning the Curve sheets, and check accessibility with
 * axe-core. Screenshots go to test-results/e2e/.
 *
 *   npm run test:e2e      (builds dist/ first)
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { type Browser, chromium, type Page } from 'playwright-core';
import { openWorkbook } from '../../src/adapters/file';
import { reports } from '../../src/core/reports';
import type { WorkbookGrids } from '../../src/model/grid';
import { buildSampleWorkbook } from '../fixtures/sample/build-sample';
import { bundleSimulatedHost } from './bundle-sim';
import { serveDirectory } from './serve';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let simScript: string;
let seed: WorkbookGrids;
let seedFile: Uint8Array;
/** Where the simulated document says it is saved; the pane names attachments after it. */
const DOCUMENT_URL = 'https://council.sharepoint.com/sites/perf/Shared%20Documents/Q2%20performance.xlsx';

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'taskpane.html')), 'dist/ is missing: run `npm run build` first (npm run test:e2e does)');
  mkdirSync(RESULTS, { recursive: true });
  simScript = await bundleSimulatedHost(RESULTS);
  seedFile = new Uint8Array(await buildSampleWorkbook());
  seed = (await openWorkbook(seedFile)).grids;
  server = await serveDirectory(DIST);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A pane the width of Excel's task pane, over a fresh simulated workbook; nothing leaves the machine. */
async function openPane(officeTheme?: { bodyBackgroundColor: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 1100 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.addInitScript(
    ([grids, theme, file]) => Object.assign(window, { __ragbookSeed: grids, __ragbookOfficeTheme: theme, __ragbookFile: file }),
    [seed, officeTheme, { url: DOCUMENT_URL, base64: Buffer.from(seedFile).toString('base64') }] as const,
  );
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ path: simScript, contentType: 'text/javascript' });
    if (url.startsWith(server.url)) return route.continue();
    return route.abort();
  });
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole('heading', { name: 'Ragbook', level: 1 }).waitFor();
  await page.getByText('on the sheet "Measures"').waitFor();
  return page;
}

/** Reads the simulated host's state in the page. */
function host<T>(page: Page, read: string): Promise<T> {
  return page.evaluate((body) => new Function('sim', `return (${body});`)((window as unknown as { __ragbookSim: unknown }).__ragbookSim), read) as Promise<T>;
}

/** Waits until the workbook's selection is the cell named "Sheet!A1". */
async function selectionIs(page: Page, place: string): Promise<void> {
  await page.waitForFunction((want) => {
    const s = (window as unknown as { __ragbookSim: { book: { selection?: { sheet: string; address: string } } } }).__ragbookSim.book.selection;
    return s !== undefined && `${s.sheet}!${s.address}` === want;
  }, place);
}

async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test('pick options, Apply colours, read the summary and issues, go to an issue', { timeout: 180_000 }, async () => {
  const page = await openPane();
  // One button per report the core lists, in its order.
  const buttons = page.getByRole('list', { name: 'Reports' }).getByRole('button');
  assert.deepEqual(await buttons.allInnerTexts(), reports.map((r) => r.title));

  await page.getByLabel('Colour scheme').selectOption('brag');
  await page.getByLabel('Period').selectOption('Q1 2018/19');
  await page.getByRole('heading', { name: 'Measures by status, Q1 2018/19' }).waitFor();
  assert.deepEqual(await host(page, "JSON.parse(sim.book.settings.get('ragbook.pane'))"), { exportTo: 'new-workbook', scheme: 'brag', period: 'Q1 2018/19' });
  await page.screenshot({ path: path.join(RESULTS, '01-options.png'), fullPage: true });
  assert.deepEqual(await seriousAccessibilityProblems(page), []);

  await page.getByRole('button', { name: 'Apply colours' }).click();
  await page.getByText('Apply colours: done').waitFor({ timeout: 60_000 });
  const summary = await page.getByTestId('result-summary').innerText();
  assert.match(summary, /^\d+ measures for Q1 2018\/19: /);

  // The workbook now carries the colours and Ragbook's own sheets.
  const sheets = await host<string[]>(page, 'sim.book.sheets.map((s) => s.name)');
  assert.ok(sheets.includes('Summary'), `sheets: ${sheets}`);
  assert.ok((await host<number>(page, "[...sim.book.sheet('Measures').cells.values()].filter((c) => c.fill).length")) > 10);

  const issues = page.getByRole('region', { name: /^Issues/ }).getByRole('listitem');
  assert.ok((await issues.count()) > 0, 'the sample has problems to list');
  await page.screenshot({ path: path.join(RESULTS, '02-applied.png'), fullPage: true });

  // Choosing an issue (by keyboard) selects its cell in the workbook.
  const withCell = page.getByRole('region', { name: /^Issues/ }).getByRole('button', { name: /!/ }).first();
  const place = (await withCell.locator('span span').first().innerText()).trim();
  await withCell.focus();
  await page.keyboard.press('Enter');
  await selectionIs(page, place);
  // And with the mouse, another one.
  const last = page.getByRole('region', { name: /^Issues/ }).getByRole('button', { name: /!/ }).last();
  const lastPlace = (await last.locator('span span').first().innerText()).trim();
  await last.click();
  await selectionIs(page, lastPlace);
  assert.deepEqual(await seriousAccessibilityProblems(page), []);
  await page.close();
});

test('Export Turning the Curve sheets opens a new workbook built in the pane', { timeout: 180_000 }, async () => {
  const exporter = reports.find((r) => r.target === 'new' && (!r.appliesTo || r.appliesTo(seed)));
  assert.ok(exporter, 'a report that exports a workbook of its own');
  const page = await openPane();
  await page.getByRole('button', { name: exporter.title }).click();
  await page.getByText(`${exporter.title}: done`).waitFor({ timeout: 90_000 });
  const created = await host<string[]>(page, 'sim.book.createdWorkbooks');
  assert.equal(created.length, 1);
  const opened = await openWorkbook(new Uint8Array(Buffer.from(created[0], 'base64')));
  assert.ok(opened.grids.sheets.length > 0);
  await page.screenshot({ path: path.join(RESULTS, '03-exported.png'), fullPage: true });

  // The same export as sheets in this workbook instead.
  await page.getByRole('radio', { name: 'New sheets in this workbook' }).check();
  await page.getByRole('button', { name: exporter.title }).click();
  await page.getByText('Its sheets were added to this workbook.').waitFor({ timeout: 90_000 });
  const sheets = await host<string[]>(page, 'sim.book.sheets.map((s) => s.name)');
  for (const sheet of opened.grids.sheets) assert.ok(sheets.includes(sheet.name), `${sheet.name} in ${sheets}`);
  await page.close();
});

test('Prepare email after an export: a draft .eml with the export and a copy of this workbook downloads', { timeout: 180_000 }, async () => {
  const exporter = reports.find((r) => r.target === 'new' && (!r.appliesTo || r.appliesTo(seed)));
  assert.ok(exporter, 'a report that exports a workbook of its own');
  const page = await openPane();
  await page.getByRole('button', { name: exporter.title }).click();
  await page.getByText(`${exporter.title}: done`).waitFor({ timeout: 90_000 });
  const exportName = `Q2 performance-${exporter.fileSuffix}.xlsx`;
  const form = page.getByRole('form', { name: 'Prepare email' });
  await form.getByText(exportName).waitFor();

  // No address: refused in plain words, nothing to save.
  await form.getByRole('button', { name: 'Prepare email' }).click();
  await form.getByText('Give at least one address in To.').waitFor();

  await form.getByRole('checkbox', { name: 'Attach this workbook (as it is now)' }).check();
  await form.getByRole('textbox', { name: 'To' }).fill('committee.clerk@council.gov.uk, finance@council.gov.uk');
  await form.getByRole('textbox', { name: 'Cc (optional)' }).fill('head.of.service@council.gov.uk');
  await form.getByRole('textbox', { name: 'Cc (optional)' }).press('Enter');
  const link = form.getByRole('link', { name: /^Save .*\.eml$/ });
  await link.waitFor({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /\.eml$/);
  const saved = await download.path();
  await page.screenshot({ path: path.join(RESULTS, '06-email.png'), fullPage: true });

  const mail = await simpleParser(readFileSync(saved));
  assert.deepEqual((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address)), ['committee.clerk@council.gov.uk', 'finance@council.gov.uk']);
  assert.deepEqual((Array.isArray(mail.cc) ? mail.cc : [mail.cc]).flatMap((a) => a?.value.map((v) => v.address)), ['head.of.service@council.gov.uk']);
  assert.equal(mail.headers.get('x-unsent'), '1');
  assert.equal(`${download.suggestedFilename()}`, `${(mail.subject ?? '').split(': ')[0].replace(/\//g, '-')}.eml`);
  assert.deepEqual(mail.attachments.map((a) => a.filename), ['Q2 performance.xlsx', exportName]);
  assert.deepEqual(new Uint8Array(mail.attachments[0].content), seedFile);
  const created = await host<string[]>(page, 'sim.book.createdWorkbooks');
  assert.deepEqual(new Uint8Array(mail.attachments[1].content), new Uint8Array(Buffer.from(created[0], 'base64')));
  assert.deepEqual(await seriousAccessibilityProblems(page), []);
  await page.close();
});

test('follows a dark Office theme, still accessible', { timeout: 120_000 }, async () => {
  const page = await openPane({ bodyBackgroundColor: '#292929' });
  const background = await page.locator('main').evaluate((main) => getComputedStyle(main).backgroundColor);
  assert.equal(background, 'rgb(41, 41, 41)');
  await page.screenshot({ path: path.join(RESULTS, '04-dark.png'), fullPage: true });
  assert.deepEqual(await seriousAccessibilityProblems(page), []);
  await page.close();
});

test('every report that changes this workbook runs in the pane', { timeout: 180_000 }, async () => {
  const page = await openPane();
  for (const report of reports.filter((r) => r.target === 'input' && (!r.appliesTo || r.appliesTo(seed)))) {
    await page.getByRole('button', { name: report.title }).click();
    await page.getByText(`${report.title}: done`).waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('result-summary').innerText(), /\w/);
  }
  await page.screenshot({ path: path.join(RESULTS, '05-every-report.png'), fullPage: true });
  await page.close();
});
