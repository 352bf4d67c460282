/**
 * The physical floor of a patch, as a command of its own: inflate every part
 * of a workbook and deflate it again at the level Ragbook writes with (through
 * Ragbook's own zip reader and writer in the built lib/), changing nothing.
 *
 *   node repack-floor.cjs IN.xlsx OUT.xlsx
 */
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { inflateEntry, readZipDirectory, writeZip } = require(path.join(__dirname, '..', '..', 'lib', 'adapters', 'file', 'package', 'zip.js'));

const [input, output] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(input));
const outputs = readZipDirectory(bytes, 10_000).map((entry) => ({ kind: 'data', name: entry.name, data: inflateEntry(bytes, entry) }));
writeFileSync(output, writeZip(outputs));
