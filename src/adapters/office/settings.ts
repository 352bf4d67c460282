/** Values remembered in the workbook itself (`workbook.settings`), so they travel with the file. */

export async function readSetting<T>(context: Excel.RequestContext, key: string): Promise<T | undefined> {
  const setting = context.workbook.settings.getItemOrNullObject(key).load('value');
  await context.sync();
  if (setting.isNullObject || typeof setting.value !== 'string') return undefined;
  try {
    return JSON.parse(setting.value) as T;
  } catch {
    // A setting someone else wrote under our key: start afresh rather than fail.
    return undefined;
  }
}

export async function writeSetting(context: Excel.RequestContext, key: string, value: unknown): Promise<void> {
  context.workbook.settings.add(key, JSON.stringify(value));
  await context.sync();
}
