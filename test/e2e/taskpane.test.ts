/**
 * End to end: the built task pane (dist/) served on 127.0.0.1 and driven in
 * headless Debian Chromium, in a pane of 320 × 900, against the simulated
 * Excel host, which the test serves at office.js's CDN address (the machine
 * has no internet). Pick options, Apply colours and Generate commentary and
 * compare every cell with what the CLI writes for the same workbook, see the
 * result without scrolling, go to an issue's cell, export Turning the Curve
 * sheets, and check accessibility with axe-core. Screenshots go to
 * test-results/e2e/.
 *
 *   npm run test:e2e      (builds dist/ and the CLI first)
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { simpleParser } from 'mailparser';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { openWorkbook } from '../../src/adapters/file';
import { reports } from '../../src/core/reports';
import type { WorkbookGrids } from '../../src/model/grid';
import { configuredBaseUrl, productionManifest } from '../../production-manifest';
import { differences } from '../adapters/office/compare';
import { buildSampleWorkbook } from '../fixtures/sample/build-sample';
import { bundleSimulatedHost } from './bundle-sim';
import { serveDirectory } from './serve';
import { SimWorkbook } from '../adapters/office/sim/model';
import { simulatedBook } from './sim-book';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLI = path.join(ROOT, 'lib', 'cli', 'main.js');
/** Excel's task pane at its narrowest, on a laptop screen. */
const PANE = { width: 320, height: 900 };
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDirectory>>;
let simScript: string;
let seed: WorkbookGrids;
let seedFile: Uint8Array;
/** The seed workbook as a file, for the CLI. */
let seedPath: string;
/**
 * How the seed file differs from the simulated host seeded with it: the host
 * takes values, formulas and number formats, not the user's fills, fonts or
 * merges. Those differences are the user's own formatting, which Excel keeps
 * and the CLI copies through; any other difference is a real one.
 */
let seedBaseline: Set<string>;
/** Where the simulated document says it is saved; the pane names attachments after it. */
const DOCUMENT_URL = 'https://council.sharepoint.com/sites/perf/Shared%20Documents/Q2%20performance.xlsx';

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'taskpane.html')), 'dist/ is missing: run `npm run build` first (npm run test:e2e does)');
  mkdirSync(RESULTS, { recursive: true });
  simScript = await bundleSimulatedHost(RESULTS);
  seedFile = new Uint8Array(await buildSampleWorkbook());
  seed = (await openWorkbook(seedFile)).grids;
  seedPath = path.join(RESULTS, 'Q2 performance.xlsx');
  writeFileSync(seedPath, seedFile);
  seedBaseline = new Set(await differences(seedFile, SimWorkbook.fromGrids(seed)));
  server = await serveDirectory(DIST);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A pane the width of Excel's task pane, over a fresh simulated workbook; nothing leaves the machine. */
async function openPane(officeTheme?: { bodyBackgroundColor: string }): Promise<Page> {
  const page = await browser.newPage({ viewport: PANE });
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

/** Runs `ragbook COMMAND input -o output OPTIONS` and gives the output's path. */
async function cli(command: string, input: string, options: string[] = []): Promise<string> {
  const output = path.join(RESULTS, `${path.basename(input, '.xlsx')} ${command}.xlsx`);
  await promisify(execFile)(process.execPath, [CLI, command, input, '-o', output, ...options]);
  return output;
}

/** The sheets' names in the pane's workbook, in order. */
function sheetNames(page: Page): Promise<string[]> {
  return host<string[]>(page, 'sim.book.sheets.map((s) => s.name)');
}

/**
 * The sheets, in order, and every cell of every sheet in the pane's workbook
 * (value, formula, number format, fill, font, alignment, borders, links)
 * against the CLI's output, in words; what only the seeding lost
 * (seedBaseline) aside.
 */
async function differencesFromCli(page: Page, cliOutput: string): Promise<string[]> {
  const found = await differences(new Uint8Array(readFileSync(cliOutput)), await simulatedBook(page));
  return found.filter((difference) => !seedBaseline.has(difference));
}

/** The element lies within the pane's view as it is now scrolled, and has the focus. */
async function inViewWithFocus(element: Locator): Promise<void> {
  const box = await element.boundingBox();
  assert.ok(box, `${element} is displayed`);
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= PANE.width && box.y + box.height <= PANE.height, `${element} ${JSON.stringify(box)} lies within the ${PANE.width} × ${PANE.height} pane`);
  assert.ok(await element.evaluate((e) => e === document.activeElement), `${element} has the focus`);
}

/** A report is done: its result is in view without scrolling, has the focus, and is a live region. */
async function resultShown(page: Page, title: string): Promise<void> {
  const result = page.getByTestId('result');
  await result.getByText(`${title}: done`).waitFor({ timeout: 90_000 });
  await inViewWithFocus(result);
  assert.equal(await result.getAttribute('aria-live'), 'polite');
  assert.match(await result.getByTestId('result-summary').innerText(), /\w/);
  await result.getByRole('heading', { name: /^Issues \(\d+\)$/ }).waitFor();
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
  await resultShown(page, 'Apply colours');
  const summary = await page.getByTestId('result-summary').innerText();
  assert.match(summary, /^\d+ measures for Q1 2018\/19: /);

  // Cell for cell, the workbook in Excel is what the CLI writes for the same workbook and options.
  const options = ['--scheme', 'brag', '--period', 'Q1 2018/19'];
  const applied = await cli('apply', seedPath, options);
  assert.deepEqual(await differencesFromCli(page, applied), []);

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

  // Commentary on the coloured workbook: again the CLI's workbook, cell for cell.
  await page.getByRole('button', { name: 'Generate commentary' }).click();
  await resultShown(page, 'Generate commentary');
  await page.screenshot({ path: path.join(RESULTS, '02b-commentary.png') });
  assert.deepEqual(await differencesFromCli(page, await cli('commentary', applied, options)), []);
  await page.close();
});

test('Export Turning the Curve sheets opens a new workbook built in the pane', { timeout: 180_000 }, async () => {
  const exporter = reports.find((r) => r.target === 'new' && (!r.appliesTo || r.appliesTo(seed)));
  assert.ok(exporter, 'a report that exports a workbook of its own');
  const page = await openPane();
  await page.getByRole('button', { name: exporter.title }).click();
  await resultShown(page, exporter.title);
  const created = await host<string[]>(page, 'sim.book.createdWorkbooks');
  assert.equal(created.length, 1);
  const opened = await openWorkbook(new Uint8Array(Buffer.from(created[0], 'base64')));
  // The workbook the pane built is the one the CLI writes: every sheet, cell value, formula and number format.
  assert.deepEqual(opened.grids, (await openWorkbook(new Uint8Array(readFileSync(await cli(exporter.name, seedPath))))).grids);
  await page.screenshot({ path: path.join(RESULTS, '03-exported.png'), fullPage: true });

  // The same export as sheets in this workbook instead.
  await page.getByRole('radio', { name: 'New sheets in this workbook' }).check();
  await page.getByRole('button', { name: exporter.title }).click();
  await page.getByText('Its sheets were added to this workbook.').waitFor({ timeout: 90_000 });
  const sheets = await sheetNames(page);
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
  await inViewWithFocus(link);
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

test('a protected sheet: the pane says so in view, with the focus, as an alert, and nothing is written', { timeout: 120_000 }, async () => {
  const page = await openPane();
  const cells = 'JSON.stringify(sim.book.sheets.map((s) => [s.name, [...s.cells]]))';
  const before = await host<string>(page, cells);
  await host(page, "(sim.book.sheet('Measures').protected = true)");
  await page.getByRole('button', { name: 'Apply colours' }).click();
  const alert = page.getByTestId('alert');
  await alert.getByText('That did not work').waitFor({ timeout: 60_000 });
  assert.match(await alert.innerText(), /"?Measures"? is protected[\s\S]*Nothing was changed\./);
  await inViewWithFocus(alert);
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.equal(await host<string>(page, cells), before);
  await page.screenshot({ path: path.join(RESULTS, '07-protected.png') });
  await page.close();
});

test('dist/ carries the production manifest for the configured base URL, and the pane loads office.js from Microsoft', () => {
  const built = readFileSync(path.join(DIST, 'manifest.xml'), 'utf8');
  assert.equal(built, productionManifest(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), configuredBaseUrl()));
  assert.doesNotMatch(built, /localhost/);
  for (const file of ['taskpane.html', 'commands.html']) assert.match(readFileSync(path.join(DIST, file), 'utf8'), new RegExp(`<script src="?${OFFICE_JS.replace(/[./]/g, '\\$&')}"?>`), file);
  for (const icon of built.match(/assets\/icon-\d+\.png/g) ?? []) assert.ok(existsSync(path.join(DIST, icon)), icon);
});

test('follows a dark Office theme, still accessible', { timeout: 120_000 }, async () => {
  const page = await openPane({ bodyBackgroundColor: '#292929' });
  const background = await page.locator('main').evaluate((main) => getComputedStyle(main).backgroundColor);
  assert.equal(background, 'rgb(41, 41, 41)');
  await page.screenshot({ path: path.join(RESULTS, '04-dark.png'), fullPage: true });
  assert.deepEqual(await seriousAccessibilityProblems(page), []);
  await page.close();
});

test('every report that changes this workbook gives in the pane what the CLI gives, one after another', { timeout: 300_000 }, async () => {
  const page = await openPane();
  let cliOutput = seedPath;
  for (const report of reports.filter((r) => r.target === 'input' && (!r.appliesTo || r.appliesTo(seed)))) {
    await page.getByRole('button', { name: report.title }).click();
    await resultShown(page, report.title);
    cliOutput = await cli(report.name, cliOutput);
    assert.deepEqual(await differencesFromCli(page, cliOutput), [], report.title);
  }
  await page.screenshot({ path: path.join(RESULTS, '05-every-report.png'), fullPage: true });
  await page.close();
});
