import { describe, expect, test } from 'vitest';
import { readFileSync, mkdtempSync, cpSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, runPipeline } from '../../pipeline/run.ts';
import { HEPING_ZONES } from './heping-zones.ts';

const result = await runPipeline(DEFAULTS);

describe('npm run data output', () => {
  test('two runs give byte-identical files', async () => {
    const again = await runPipeline(DEFAULTS);
    expect(again.files.map((f) => f.content)).toEqual(result.files.map((f) => f.content));
  });

  test('plans geocoded on two worker threads give the same files as in one thread', async () => {
    const parallel = await runPipeline({ ...DEFAULTS, jobs: 2 });
    expect(parallel.files.map((f) => f.content)).toEqual(result.files.map((f) => f.content));
  }, 120_000);

  test('the committed data/ equals what the pipeline produces now', () => {
    for (const f of result.files)
      if (typeof f.content === 'string') expect(readFileSync(f.path, 'utf8'), f.path).toBe(f.content);
      else expect(Buffer.compare(readFileSync(f.path), f.content), f.path).toBe(0);
    // And nothing else: a detail file a previous run wrote is not left behind.
    const published = readdirSync('data/geojson/details').map((n) => `data/geojson/details/${n}`);
    expect(published.sort()).toEqual(
      result.files
        .map((f) => f.path)
        .filter((p) => p.includes('/details/'))
        .sort(),
    );
  });

  test('every quote is exactly the plan text at its offsets', () => {
    const texts = new Map<string, string>();
    for (const f of result.files.filter((x) => x.path.endsWith('.geojson'))) {
      for (const feat of JSON.parse(String(f.content)).features) {
        for (const s of feat.properties.sources) {
          const text = texts.get(s.plan) ?? readFileSync(`data/plans/${s.plan}.txt`, 'utf8');
          texts.set(s.plan, text);
          expect(text.slice(s.start, s.end)).toBe(s.quote);
        }
      }
    }
  });

  test('the README places are mapped, each once with all its citations', () => {
    const all = result.files
      .filter((x) => x.path.endsWith('.geojson'))
      .flatMap(
        (f) =>
          JSON.parse(String(f.content)).features as {
            id: string;
            properties: { name: string; plans: string[]; role?: string };
          }[],
      )
      .filter((f) => f.properties.role !== 'buffer');
    const names = all.map((f) => f.properties.name);
    for (const n of [
      '意风区',
      '南京路商务商贸带',
      '海河综合经济发展带',
      '卫津路科技创新带',
      '五大道小洋楼历史文化体验区',
      '洋货市场',
      '金钟新市镇',
    ]) {
      expect(
        names.filter((x) => x === n),
        n,
      ).toHaveLength(1);
    }
    const yanghuo = all.find((f) => f.properties.name === '洋货市场')!;
    expect(yanghuo.properties.plans).toEqual(['hangzhoudao-2021-fyp', 'hangzhoudao-2023-action']);
  });

  test('the 六区 drawn as areas have their stated sizes checked and reported as they are; the rest are placeholders', () => {
    const zones = result.checks.filter((c) => c.id.endsWith('-zone'));
    expect(zones.length).toBeGreaterThanOrEqual(4);
    // A check is a check: an outline from partly located corners may fall short, and says so.
    const report = String(result.files.find((f) => f.path.endsWith('report.md'))!.content);
    for (const c of zones)
      expect(report).toContain(
        `| ${c.name} | area_km2 | ${c.stated} | ${c.measured.toFixed(2)} | ${c.ok ? 'ok' : 'OUT OF RANGE'} |`,
      );
    expect(zones.filter((c) => c.ok).length).toBeGreaterThanOrEqual(3);
    // A zone whose corners no source locates is a point with a radius that takes the zone in, not a drawn area.
    const sites = JSON.parse(String(result.files.find((f) => f.path.endsWith('sites.geojson'))!.content)) as {
      features: { properties: { name: string; precision_m: number; status: string } }[];
    };
    for (const name of HEPING_ZONES.filter((n) => !zones.some((c) => c.name === n))) {
      const f = sites.features.find((x) => x.properties.name === name);
      expect(f, name).toBeDefined();
      expect(f!.properties.status).toBe('approximate');
      expect(f!.properties.precision_m).toBeGreaterThanOrEqual(500);
    }
  });

  test('a belt cut to its stated length and widened to its stated area is reported as fitted, not as a check', () => {
    const belts = result.checks.filter((c) => c.id.endsWith('belt'));
    expect(belts.length).toBeGreaterThanOrEqual(6);
    expect(belts.every((c) => c.fitted)).toBe(true);
    const report = String(result.files.find((f) => f.path.endsWith('report.md'))!.content);
    expect(report).toContain('| 南京路商务商贸带 | length_km | 3.3 | 3.30 | fitted (not a check) |');
  });

  test('places not located are published with their passages and geometry null', () => {
    const f = result.files.find((x) => x.path.endsWith('unlocated.geojson'))!;
    const features = JSON.parse(String(f.content)).features as {
      geometry: unknown;
      properties: { status: string; precision_m: unknown; sources: unknown[] };
    }[];
    expect(features.length).toBeGreaterThan(0);
    for (const x of features) {
      expect(x.geometry).toBeNull();
      expect(x.properties.status).toBe('not-located');
      expect(x.properties.precision_m).toBeNull();
      expect(x.properties.sources.length).toBeGreaterThan(0);
    }
  });

  test('a name a programme shares with a river, or a neighbouring district, does not tie a plan to them', () => {
    const all = result.layers;
    const haihe = [...all.zones, ...all.sites, ...all.corridors].find((x) => x.properties.name === '海河')!;
    for (const s of haihe.properties.sources) expect(s.quote).not.toMatch(/海河英才|海河工匠/);
    const hebei = [...all.zones].find((x) => x.properties.name === '河北区')!;
    expect(hebei.properties.plans).not.toContain('jinzhong-2021-fyp');
  });
});

describe('bad gazetteer entries are refused, naming the entry', () => {
  function withEntry(mutate: (e: Record<string, unknown>) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'gaz-'));
    cpSync('data/gazetteer', dir, { recursive: true });
    const entries = JSON.parse(readFileSync(join(dir, 'places.json'), 'utf8'));
    mutate(entries.find((e: { id: string }) => e.id === 'heping-xinda'));
    writeFileSync(join(dir, 'places.json'), JSON.stringify(entries));
    return dir;
  }
  const run = (dir: string) => runPipeline({ ...DEFAULTS, gazetteerDir: dir });
  test('unknown kind', async () => {
    await expect(run(withEntry((e) => (e.kind = 'castle')))).rejects.toThrow(/"heping-xinda".*unknown kind "castle"/);
  });
  test('missing evidence', async () => {
    await expect(run(withEntry((e) => (e.evidence = [])))).rejects.toThrow(/"heping-xinda".*missing evidence/);
  });
  test('evidence said in one language only', async () => {
    await expect(run(withEntry((e) => (e.evidence = ['the plan says so'])))).rejects.toThrow(
      /"heping-xinda".*evidence must be \{ zh, en \}/,
    );
    await expect(run(withEntry((e) => (e.evidence = [{ zh: 'in English', en: 'in English' }])))).rejects.toThrow(
      /"heping-xinda".*evidence\.zh must be written in Chinese/,
    );
  });
  test('evidence citing a dataset that datasets.json does not describe', async () => {
    const ref = mkdtempSync(join(tmpdir(), 'ref-'));
    cpSync('data/reference', ref, { recursive: true });
    const d = JSON.parse(readFileSync(join(ref, 'datasets.json'), 'utf8'));
    delete d['data/reference/metro-stations.geojson'];
    writeFileSync(join(ref, 'datasets.json'), JSON.stringify(d));
    await expect(runPipeline({ ...DEFAULTS, referenceDir: ref })).rejects.toThrow(
      /feature [\w-]+: evidence cites data\/reference\/metro-stations\.geojson, which datasets\.json does not describe/,
    );
  });
  test('a fault met on a worker thread is reported as on the main one, naming the plan and the rule', async () => {
    // An unknown district is found only when the plan is geocoded, which a worker does.
    const plans = mkdtempSync(join(tmpdir(), 'plans-'));
    cpSync('data/plans', plans, { recursive: true });
    const metas = JSON.parse(readFileSync(join(plans, 'plans.json'), 'utf8'));
    metas[1].district = '火星区';
    writeFileSync(join(plans, 'plans.json'), JSON.stringify(metas));
    const err = await runPipeline({ ...DEFAULTS, plansDir: plans, jobs: 2 }).catch((e: Error) => e);
    expect((err as Error).name).toBe('PipelineError');
    expect((err as Error).message).toMatch(new RegExp(`plan ${metas[1].id}: unknown district "火星区"`));
  }, 120_000);
  test('position outside Tianjin', async () => {
    await expect(
      run(withEntry((e) => (e.geometry = { type: 'point', at: { lnglat: [121.47, 31.23], note: 'Shanghai' } }))),
    ).rejects.toThrow(/"heping-xinda".*outside Tianjin/);
  });
  test('malformed shapes name the entry, the field and the rule, with no stack trace', async () => {
    const { readGazetteer } = await import('../../pipeline/stages/gazetteer.ts');
    const cases: [(e: Record<string, unknown>) => void, RegExp][] = [
      [(e) => (e.geometry = null), /"heping-xinda".*geometry/],
      [(e) => (e.geometry = { type: 'castle' }), /"heping-xinda".*geometry.*unknown geometry recipe "castle"/],
      [(e) => (e.geometry = { type: 'polygon', vertices: 'a' }), /"heping-xinda".*geometry\.vertices/],
      [
        (e) => (e.geometry = { type: 'point', at: { lnglat: ['117', '39'], note: 'typed by hand' } }),
        /"heping-xinda".*geometry\.at/,
      ],
      [(e) => (e.geometry = { type: 'point', at: { lnglat: [117.2, 39.1] } }), /"heping-xinda".*geometry\.at/],
      [(e) => (e.precision_m = '100'), /"heping-xinda".*precision_m: must be a number of metres/],
      [(e) => (e.aliases = '信达'), /"heping-xinda".*aliases/],
      [
        (e) => (e.geometry = { type: 'within', entry: 'nowhere' }),
        /"heping-xinda".*geometry\.entry: no entry "nowhere"/,
      ],
      [(e) => (e.colour = 'red'), /"heping-xinda".*colour/],
    ];
    for (const [mutate, msg] of cases) {
      const err = (() => {
        try {
          readGazetteer(withEntry(mutate));
        } catch (x) {
          return x as Error;
        }
      })();
      expect(err?.name, String(msg)).toBe('PipelineError');
      expect(err!.message).toMatch(msg);
    }
  });
  test('self-intersecting polygon', async () => {
    const bowtie = [
      [117.65, 39.02],
      [117.66, 39.03],
      [117.66, 39.02],
      [117.65, 39.03],
    ].map((p) => ({ lnglat: p, note: 'a test vertex of a bowtie' }));
    await expect(run(withEntry((e) => (e.geometry = { type: 'polygon', vertices: bowtie })))).rejects.toThrow(
      /"heping-xinda".*intersects itself/,
    );
  });
});
