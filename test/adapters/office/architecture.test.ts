/** The layering the adapter promises: one module calls Excel.run; the pane never names Excel or Office. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.tsx?$/.test(name) ? [file] : [];
  });
}

test('only excel-host.ts calls Excel.run or Excel.createWorkbook', () => {
  const callers = sources(SRC)
    .filter((file) => /\bExcel\.(run|createWorkbook)\(/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(SRC, file));
  expect(callers).toEqual([path.join('adapters', 'office', 'excel-host.ts')]);
});

test('the task pane never uses the Excel or Office globals', () => {
  const users = sources(path.join(SRC, 'taskpane')).filter((file) => /\b(Excel|Office)\.\w/.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
  expect(users).toEqual([]);
});
