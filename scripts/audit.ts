/**
 * `npm run audit`: `npm audit --omit=dev` where the advisory endpoint answers; where it does not
 * (the project machines get 405), the reviewed list in docs/dependency-review.json stands in.
 * Exits non-zero on a high or critical finding, or on a production package nobody has reviewed.
 */
import { spawnSync } from 'node:child_process';
import { readReview, unreviewed } from './dependencies.ts';

const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report: { metadata?: { vulnerabilities?: Record<string, number> } } | null = null;
try {
  report = JSON.parse(audit.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (counts) {
  console.log(`npm audit --omit=dev: ${JSON.stringify(counts)}`);
  process.exit((counts.high ?? 0) + (counts.critical ?? 0) > 0 ? 1 : 0);
}
const review = readReview();
const missing = unreviewed();
console.log(`npm audit could not reach the advisory endpoint; using docs/dependency-review.json (${review.reviewed}).`);
for (const [p, note] of Object.entries(review.notes)) console.log(`- ${p}: ${note}`);
if (missing.length) {
  console.log(`Not reviewed yet: ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`All ${review.packages.length} production packages are reviewed.`);
