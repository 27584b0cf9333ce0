import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, cpSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readPlans } from '../../pipeline/stages/read.ts';

function plansDir(text: Buffer | string, sha?: string, file = 'p.txt'): string {
  const dir = mkdtempSync(join(tmpdir(), 'plans-'));
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  writeFileSync(join(dir, 'p.txt'), bytes);
  const meta = {
    id: 'p',
    title: 't',
    issuer: 'i',
    district: 'd',
    period: { from: 2021, to: 2025, vision: null },
    kind: 'k',
    file,
    sha256: sha ?? createHash('sha256').update(bytes).digest('hex'),
  };
  writeFileSync(join(dir, 'plans.json'), JSON.stringify([meta]));
  return dir;
}

describe('bad plan input is refused with a clear message', () => {
  test('a GBK text', () => {
    const gbk = Buffer.from([0xc4, 0xcf, 0xbe, 0xa9, 0xc2, 0xb7]); // "南京路" in GBK
    expect(() => readPlans(plansDir(gbk))).toThrow(/not valid UTF-8/);
  });
  test('an empty text', () => {
    expect(() => readPlans(plansDir(''))).toThrow(/empty/);
  });
  test('a text changed since plans.json', () => {
    expect(() => readPlans(plansDir('第一章 总则', '0'.repeat(64)))).toThrow(/sha256 .* differs from plans.json/);
  });
  test('a whitespace-only text, NUL bytes, a byte-order mark', () => {
    expect(() => readPlans(plansDir(' \n\t\n'))).toThrow(/p\.txt: no Chinese text/);
    expect(() => readPlans(plansDir('第一章\u0000总则'))).toThrow(/p\.txt: contains NUL/);
    expect(() => readPlans(plansDir('\ufeff第一章 总则'))).toThrow(/p\.txt: starts with a byte-order mark/);
  });
  test('a plan file outside data/plans, and a plan too large', () => {
    expect(() => readPlans(plansDir('第一章 总则', undefined, '../../README.md'))).toThrow(/must be a plain file name/);
    expect(() => readPlans(plansDir('第'.repeat(2_000_000)))).toThrow(/over the 5 MB a plan may be/);
  });
  test('a good text is read', () => {
    expect(readPlans(plansDir('第一章 总则'))[0]!.text).toBe('第一章 总则');
  });
});

describe('npm run data on bad input', () => {
  test('exits non-zero, names the file, and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-cli-'));
    cpSync('data/plans', join(dir, 'plans'), { recursive: true });
    const out = join(dir, 'geojson');
    mkdirSync(out);
    writeFileSync(join(out, 'report.md'), 'previous output');
    const hebei = join(dir, 'plans', 'hebei-2022-fyp.txt');
    writeFileSync(hebei, readFileSync(hebei, 'utf8') + '改动');
    const r = spawnSync('npx', ['tsx', 'pipeline/cli.ts', join(dir, 'plans'), '--out', out], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/hebei-2022-fyp\.txt: sha256/);
    expect(r.stderr).toMatch(/Nothing was written/);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('previous output');
    expect(readdirSync(dir).sort()).toEqual(['geojson', 'plans']);
  });
});

describe('the output folder is published as one set', () => {
  const setWith = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'publish-'));
    const out = join(dir, 'geojson');
    mkdirSync(join(out, 'outlines'), { recursive: true });
    for (const [f, c] of Object.entries(files)) writeFileSync(join(out, f), c);
    return { dir, out };
  };
  test('a failure while writing leaves the previous set whole, and nothing behind', async () => {
    const { publish } = await import('../../pipeline/write.ts');
    const { dir, out } = setWith({ 'report.md': 'old report', 'outlines/a.outline.json': 'old outline' });
    const files = [
      { path: join(out, 'outlines/a.outline.json'), content: 'new outline' },
      { path: join(out, 'report.md'), content: undefined as unknown as string },
    ];
    expect(() => publish(out, files)).toThrow();
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('old report');
    expect(readFileSync(join(out, 'outlines/a.outline.json'), 'utf8')).toBe('old outline');
    expect(readdirSync(dir)).toEqual(['geojson']);
  });
  test('a new set replaces the old one whole; a set a killed run left aside is put back first', async () => {
    const { publish, recover } = await import('../../pipeline/write.ts');
    const { dir, out } = setWith({ 'report.md': 'old report', 'stale.geojson': 'gone after' });
    publish(out, [{ path: join(out, 'report.md'), content: 'new report' }]);
    expect(readdirSync(out)).toEqual(['report.md']);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('new report');
    // Killed between the two renames: the old set is aside, the new one half-written.
    renameSync(out, join(dir, '.geojson-old-1'));
    mkdirSync(join(dir, '.geojson-new-x'));
    recover(out);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('new report');
    expect(readdirSync(dir)).toEqual(['geojson']);
  });
});

describe("a run that would drop most of a plan's places is refused", () => {
  test('unless --allow-shrink', async () => {
    const { checkShrink } = await import('../../pipeline/shrink.ts');
    const empty = ['zones', 'corridors', 'sites', 'unlocated'].map((f) => ({
      path: `data/geojson/${f}.geojson`,
      content: JSON.stringify({ type: 'FeatureCollection', features: [] }),
    }));
    expect(() => checkShrink('data/geojson', empty)).toThrow(
      /heping-2016-fyp: \d+ places now, 0 after this run.*--allow-shrink/,
    );
    const same = ['zones', 'corridors', 'sites', 'unlocated'].map((f) => ({
      path: `data/geojson/${f}.geojson`,
      content: readFileSync(`data/geojson/${f}.geojson`, 'utf8'),
    }));
    expect(() => checkShrink('data/geojson', same)).not.toThrow();
  });
});

describe('plan colours come from plans.json', () => {
  test('a plan without a colour gets a spare one, never the grey of "no theme"', async () => {
    const { planColours } = await import('../../pipeline/run.ts');
    const metas = [{ id: 'a', colour: '#0072b2' }, { id: 'b' }, { id: 'c' }] as Parameters<typeof planColours>[0];
    const c = planColours(metas);
    expect(c.a).toBe('#0072b2');
    expect(c.b).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(Object.values(c)).size).toBe(3);
    expect(Object.values(c)).not.toContain('#888888');
  });
  test('a malformed colour is refused', () => {
    const dir = plansDir('第一章 总则');
    const metas = JSON.parse(readFileSync(join(dir, 'plans.json'), 'utf8'));
    metas[0].colour = 'red';
    writeFileSync(join(dir, 'plans.json'), JSON.stringify(metas));
    expect(() => readPlans(dir)).toThrow(/plan p: colour "red" must be #rrggbb/);
  });
});
