/**
 * Runs every benchmark, prints the table and writes bench/results.md. `npm run bench`;
 * BENCH_PAIRS sets the load pairs (default 21); BENCH_SKIP_BUILD=1 reuses dist/ (and the scale
 * builds in .tmp/scale); BENCH_SCALE=0 leaves out the scale benchmark, BENCH_SCALE_MAX=1000 adds
 * ×1000 to it. Exits 1 when a budget is missed.
 */
import { writeFileSync } from 'node:fs';
import { benchLoad } from './load.ts';
import { benchBundle } from './bundle.ts';
import { benchInteraction } from './interaction.ts';
import { benchList } from './list.ts';
import { benchPipeline } from './pipeline.ts';
import { benchPipelineScale } from './pipeline-scale.ts';
import { benchScale } from './scale.ts';
import { machine, table, type Line } from './lib.ts';

const lines: Line[] = [];
lines.push(...benchBundle());
process.env.BENCH_SKIP_BUILD = '1';
lines.push(...(await benchLoad()));
lines.push(...(await benchInteraction()));
lines.push(...(await benchList()));
lines.push(...(await benchPipeline()));
if (process.env.BENCH_SCALE !== '0') {
  lines.push(...benchPipelineScale());
  lines.push(...(await benchScale()));
}
const out = `# Benchmark results\n\n${machine()}, headless Chromium (SwiftShader WebGL).\nProduced by \`npm run bench\` (see bench/README.md).\n\n${table(lines)}\n`;
writeFileSync('bench/results.md', out);
console.log(`\n${out}`);
process.exit(lines.every((l) => l.ok) ? 0 : 1);
