/** The production dependency tree as installed, and the reviewed list that stands in for npm audit. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface Tree {
  version?: string;
  dependencies?: Record<string, Tree>;
}

/**
 * Development packages whose code ships in the bundle all the same: Svelte's client runtime and
 * what it imports (node_modules/svelte/src/internal/client).
 */
export const SHIPPED_DEV = ['svelte', 'clsx', 'esm-env'];

/** Every package whose code ships, as name@version: the production tree from `npm ls` (offline), and SHIPPED_DEV. */
export function installedProductionPackages(): string[] {
  const r = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json'], { encoding: 'utf8' });
  const seen = new Set<string>();
  const walk = (t: Tree) => {
    for (const [name, dep] of Object.entries(t.dependencies ?? {})) {
      if (dep.version) seen.add(`${name}@${dep.version}`);
      walk(dep);
    }
  };
  walk(JSON.parse(r.stdout) as Tree);
  for (const name of SHIPPED_DEV) {
    const { version } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { version: string };
    seen.add(`${name}@${version}`);
  }
  return [...seen].sort();
}

export interface DependencyReview {
  reviewed: string;
  why: string;
  method: string;
  notes: Record<string, string>;
  packages: string[];
}

export const readReview = (): DependencyReview =>
  JSON.parse(readFileSync('docs/dependency-review.json', 'utf8')) as DependencyReview;

/** Installed production packages that the review does not list. */
export function unreviewed(): string[] {
  const listed = new Set(readReview().packages);
  return installedProductionPackages().filter((p) => !listed.has(p));
}
