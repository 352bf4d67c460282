/**
 * The floor of the old approach, as a command of its own: a plain exceljs
 * read and write of a workbook.   node exceljs-floor.cjs IN.xlsx OUT.xlsx
 */
const { readFileSync, writeFileSync } = require('node:fs');
const ExcelJS = require('exceljs');

async function copy([input, output]) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(input));
  writeFileSync(output, new Uint8Array(await book.xlsx.writeBuffer()));
}

copy(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
