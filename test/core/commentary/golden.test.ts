/**
 * The golden sample: generated commentary for a spread of measures in the
 * bundled sample workbook, committed so a change in wording shows up in review.
 * Run with UPDATE_GOLDEN=1 to rewrite it after reading the new text.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openWorkbook } from '../../../src/adapters/file';
import { commentaryReport } from '../../../src/core/commentary/report';

const SAMPLE = path.join(__dirname, '../../../assets/sample-performance.xlsx');
const GOLDEN = path.join(__dirname, 'golden-sample.md');

/** One of each kind: band met, percentages both ways, a benchmark target, days, exceeded, no target, unknown polarity. */
const CHOSEN = ['CP01', 'CP03', 'CS02', 'CS03', 'ADO01', 'EH02', 'ED02', 'SEN01', 'YJ03'];

interface JsonMeasure {
  id: string;
  name: string;
  label: string;
  commentary: string;
}

async function goldenText(): Promise<string> {
  const { grids } = await openWorkbook(new Uint8Array(await fs.readFile(SAMPLE)));
  const json = commentaryReport.run(grids, { today: '2018-11-30' }).json as { period: string; measures: JsonMeasure[] };
  const blocks = CHOSEN.map((id) => {
    const m = json.measures.find((x) => x.id === id);
    if (!m) throw new Error(`the sample has no measure ${id}`);
    return `**${m.id} ${m.name}** (${m.label})\n\n${m.commentary}\n`;
  });
  return [`# Generated commentary: sample workbook, ${json.period}`, '', 'Written by `test/core/commentary/golden.test.ts` (UPDATE_GOLDEN=1 rewrites it).', '', ...blocks].join('\n');
}

test('the sample workbook gives the reviewed commentary', async () => {
  const text = await goldenText();
  if (process.env.UPDATE_GOLDEN) await fs.writeFile(GOLDEN, text);
  expect(text).toBe(await fs.readFile(GOLDEN, 'utf8'));
});
