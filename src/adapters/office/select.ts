/** Takes the user to a cell: activates its sheet and selects it (the Issues list's links). */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address || 'A1').select();
  await context.sync();
}
