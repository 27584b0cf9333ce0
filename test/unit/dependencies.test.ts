import { describe, expect, test } from 'vitest';
import { installedProductionPackages, readReview, unreviewed } from '../../scripts/dependencies.ts';

// npm audit cannot reach its advisory endpoint from the project machines: the reviewed list stands
// in for it, and must follow every change of the dependency tree.
describe('production dependencies', () => {
  test('every installed production package version has been reviewed', () => {
    expect(unreviewed()).toEqual([]);
  });
  test('each note is about a package that is installed', () => {
    const installed = new Set(installedProductionPackages());
    expect(Object.keys(readReview().notes).filter((p) => !installed.has(p))).toEqual([]);
  });
});
