/**
 * `npm run bench:addin`: what the add-in sends Excel for Apply colours and
 * Generate commentary on 100 to 50,000 measures × 12 quarters. Each plan runs
 * through the Office adapter under Microsoft's own runtime
 * (`@microsoft/office-js`, excel-web-16.00.js, in headless Chromium; see
 * test/adapters/office/real-runtime): every figure is the size of a request
 * body as Office.js serialises it for `context.sync()`. Excel on the web
 * refuses requests over 5 MB; the adapter keeps each under 4 MB. Then the
 * same workbooks read back: the size of each answer, as the simulated host
 * shapes it the way Excel does.
 *
 *   npm run bench:addin                 # 100, 2,000, 10,000 and 50,000 measures
 *   npm run bench:addin -- --quick      # 100 and 2,000, for trying the script
 */
import { startRealRuntime } from '../adapters/office/real-runtime/harness';

const SIZES = process.argv.includes('--quick') ? [100, 2_000] : [100, 2_000, 10_000, 50_000];
const LIMIT = 4 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function bench(): Promise<void> {
  const runtime = await startRealRuntime();
  let over = 0;
  try {
    console.log('Requests the add-in sends, measured with Office.js’s own serialiser (limit 4 MB each; Excel on the web refuses 5 MB)\n');
    console.log(`  ${'report'.padEnd(11)} ${'measures'.padStart(8)}  ${'largest'.padStart(9)}  ${'total'.padStart(9)}  ${'syncs'.padStart(5)}  addresses + values  total ÷ those`);
    for (const report of ['apply', 'commentary'] as const) {
      for (const measures of SIZES) {
        const figures = await runtime.call('measureReport', report, measures);
        if (figures.error) throw new Error(`${report} on ${measures} measures failed under the real runtime: ${figures.error.message}`);
        const largest = Math.max(...figures.requests);
        const total = figures.requests.reduce((sum, bytes) => sum + bytes, 0);
        if (largest > LIMIT) over++;
        console.log(
          `  ${report.padEnd(11)} ${measures.toLocaleString('en-GB').padStart(8)}  ${mb(largest).padStart(9)}  ${mb(total).padStart(9)}  ${String(figures.requests.length).padStart(5)}  ${mb(figures.floorBytes).padStart(18)}  ${(total / figures.floorBytes).toFixed(2).padStart(13)}`,
        );
      }
    }
    console.log('\nReading the same workbooks (answers Excel sends back; Excel on the web refuses 5 MB)\n');
    console.log(`  ${'measures'.padStart(8)}  ${'largest'.padStart(9)}  ${'total'.padStart(9)}  ${'syncs'.padStart(5)}`);
    for (const measures of SIZES) {
      const read = await runtime.call('read', measures);
      if (read.error || !read.same) throw new Error(`reading ${measures} measures failed under the real runtime: ${read.error?.message ?? 'the grids differ'}`);
      const answers = read.sent.map((r) => r.responseBytes);
      const total = answers.reduce((sum, bytes) => sum + bytes, 0);
      console.log(`  ${measures.toLocaleString('en-GB').padStart(8)}  ${mb(Math.max(...answers)).padStart(9)}  ${mb(total).padStart(9)}  ${String(answers.length).padStart(5)}`);
    }
  } finally {
    await runtime.close();
  }
  if (over > 0) throw new Error(`${over} run(s) sent a request over 4 MB`);
}

bench().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
