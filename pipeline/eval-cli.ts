/** `npm run eval [--detail]`: the geocoder scored on every annotated plan in test/fixtures/eval/. */
import { readdirSync } from 'node:fs';
import { defaultContext } from './geocode/one-plan.ts';
import { evaluateFile, quantile } from './geocode/evaluate.ts';

const DIR = process.env.EVAL_DIR ?? 'test/fixtures/eval';
const ctx = defaultContext();
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '–');
console.log(
  '| plan | mentions found | places found | places located | median error | p90 error | within claimed | false matches |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const f of readdirSync(DIR)
  .filter((x) => x.endsWith('.truth.json'))
  .sort()) {
  const s = evaluateFile(ctx, DIR, f);
  console.log(
    `| ${s.plan} | ${pct(s.mentionsFound, s.mentions)} of ${s.mentions} | ${pct(s.placesFound, s.places)} of ${s.places} | ${pct(s.placesLocated, s.places)} | ${quantile(s.errors, 0.5)} m | ${quantile(s.errors, 0.9)} m | ${pct(s.within, s.withTruth)} of ${s.withTruth} | ${s.falseMatches.length} |`,
  );
  if (process.argv.includes('--detail')) {
    for (const d of s.detail)
      console.log(
        `    ${d.found ? (d.located ? 'L' : 'f') : '-'} ${d.name}${d.matched && d.matched !== d.name ? ` → ${d.matched}` : ''}${d.error_m !== undefined ? ` err ${d.error_m} m, claimed ${d.claimed_m} + extent ${d.extent_m}${d.within ? '' : '  OUTSIDE'}` : ''}`,
      );
    for (const m of s.falseMatches) console.log(`    FALSE ${m}`);
  }
}
