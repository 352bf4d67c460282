/**
 * The measures core alone, as the built CLI runs it: reads grids from a JSON
 * file (task.ts grids writes it), times analyseMeasures on them only, and
 * prints {"ms": …, "maxRssBytes": …}.
 *
 *   node test/bench/core-task.cjs GRIDS.json MEASURES
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { analyseMeasures } = require(path.join(__dirname, '..', '..', 'lib', 'core', 'measures', 'analyse.js'));

const [file, measures] = process.argv.slice(2);
const grids = JSON.parse(readFileSync(file, 'utf8'));
const started = performance.now();
const analysis = analyseMeasures(grids, { today: '2018-04-30' });
const ms = performance.now() - started;
if (analysis.measures.length !== Number(measures)) throw new Error(`the core read ${analysis.measures.length} measures, not ${measures}`);
console.log(JSON.stringify({ ms, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
