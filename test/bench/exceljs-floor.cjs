/**
 * The old approach, as a command of its own: a plain exceljs read of a wide
 * bench workbook, a fill on every actual (one of three colours, as the
 * patcher bench fills them), and a write.   node exceljs-floor.cjs IN.xlsx OUT.xlsx
 */
const { readFileSync, writeFileSync } = require('node:fs');
const ExcelJS = require('exceljs');

const FILLS = ['FFA9D18E', 'FFFFD966', 'FFF4A6A6'].map((argb) => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } }));
/** The twelve quarters are the last twelve columns of the wide layout. */
const QUARTER_COLUMNS = 12;

async function fill([input, output]) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(input));
  const sheet = book.worksheets[0];
  // columnCount walks every row when read: read it once.
  const lastColumn = sheet.columnCount;
  const lastRow = sheet.rowCount;
  for (let r = 2; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    for (let c = lastColumn - QUARTER_COLUMNS + 1; c <= lastColumn; c++) row.getCell(c).fill = FILLS[(r + c) % 3];
  }
  writeFileSync(output, new Uint8Array(await book.xlsx.writeBuffer()));
}

fill(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
