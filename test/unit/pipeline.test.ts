import { describe, expect, test } from 'vitest';
import { readFileSync, mkdtempSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, runPipeline } from '../../pipeline/run.ts';
import { segment } from '../../pipeline/stages/segment.ts';
import { enclosuresOf, extract, termsOf } from '../../pipeline/stages/extract.ts';
import { readGazetteer } from '../../pipeline/stages/gazetteer.ts';
import { HEPING_ZONES } from './heping-zones.ts';

const result = runPipeline(DEFAULTS);

describe('npm run data output', () => {
  test('two runs give byte-identical files', () => {
    const again = runPipeline(DEFAULTS);
    expect(again.files.map((f) => f.content)).toEqual(result.files.map((f) => f.content));
  });

  test('the committed data/ equals what the pipeline produces now', () => {
    for (const f of result.files) expect(readFileSync(f.path, 'utf8'), f.path).toBe(f.content);
  });

  test('every quote is exactly the plan text at its offsets', () => {
    const texts = new Map<string, string>();
    for (const f of result.files.filter((x) => x.path.endsWith('.geojson'))) {
      for (const feat of JSON.parse(f.content).features) {
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
          JSON.parse(f.content).features as {
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
      '张兴庄产业园',
    ]) {
      expect(
        names.filter((x) => x === n),
        n,
      ).toHaveLength(1);
    }
    const yanghuo = all.find((f) => f.properties.name === '洋货市场')!;
    expect(yanghuo.properties.plans).toEqual(['hangzhoudao-2021-fyp', 'hangzhoudao-2023-action']);
  });

  test('the stated-size checks of the 六区 pass (±20%)', () => {
    const zones = result.checks.filter((c) => c.id.endsWith('-zone'));
    expect(zones.map((c) => c.name).sort()).toEqual([...HEPING_ZONES].sort());
    expect(zones.filter((c) => !c.ok).map((c) => `${c.name} ${c.measured.toFixed(2)} vs ${c.stated}`)).toEqual([]);
  });

  test('the stated-size checks of the 三带 pass (±20%)', () => {
    const belts = result.checks.filter((c) => /带$/.test(c.name) && c.id.endsWith('belt'));
    expect(belts.filter((c) => c.name !== '海河—北运河沿线商旅文融合经济带').every((c) => c.ok)).toBe(true);
    expect(belts.length).toBeGreaterThanOrEqual(6);
  });
});

describe('extraction (golden fixture)', () => {
  const { entries: all, outOfScope } = readGazetteer('data/gazetteer');
  // The gazetteer as it was before 世纪运通商业广场 was added, so that one name is still unknown.
  const entries = all.filter((e) => e.id !== 'hz-yuntong');
  const text = readFileSync('test/fixtures/extract/heping-excerpt.txt', 'utf8');
  const { mentions, candidates } = extract(
    segment('fx', text, ''),
    text,
    termsOf(entries, outOfScope),
    enclosuresOf(entries),
  );

  test('longest name first, never inside a longer match; out-of-scope names are flagged', () => {
    expect(mentions.map((m) => [m.name, m.entry ?? m.outOfScope])).toEqual([
      ['南京路商务商贸带', 'nanjinglu-belt'],
      ['北京', 'outside Tianjin'],
      ['中关村', 'outside Tianjin (北京)'],
      ['以大沽北路、营口道、南京路、哈尔滨道围合', 'zhongxingongyuan-zone'],
      ['中心公园法式风情商业区', 'zhongxingongyuan-zone'],
      ['贻成福地商业广场', 'hz-yichengfudi'],
      ['三十五中地块', 'hebei-sanshiwuzhong'],
      // "建昌道等重点地块": the known 建昌道地块 with a generic tail.
      ['建昌道', 'jianchangdao-base'],
    ]);
  });
  test('each mention cites its sentence, whose offsets slice back to the text', () => {
    for (const m of mentions) expect(text.slice(m.quote.start, m.quote.end)).toContain(m.name);
  });
  test('a zone the plan defines by its enclosing roads is cited there, whatever the order of the roads', () => {
    const zone = entries.find((e) => e.id === 'zhongxingongyuan-zone')!;
    const reordered = [...zone.enclosed_by!].reverse();
    const r = extract(segment('fx', text, ''), text, termsOf(entries, outOfScope), [
      { roads: reordered, entry: zone.id },
    ]);
    expect(r.mentions.filter((m) => m.name.endsWith('围合')).map((m) => m.entry)).toEqual([zone.id]);
    expect(r.candidates.filter((c) => c.rule === '围合')).toEqual([]);
  });
  test('constructions no name covers become candidates, less the verbs in front; generic phrases are flagged', () => {
    expect(candidates.map((c) => [c.rule, c.text, c.generic ?? false])).toEqual([
      ['园区', '世纪运通商业广场', false],
      ['园区', '口袋公园', true],
    ]);
  });
});

describe('bad gazetteer entries are refused, naming the entry', () => {
  function withEntry(mutate: (e: Record<string, unknown>) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'gaz-'));
    cpSync('data/gazetteer', dir, { recursive: true });
    const entries = JSON.parse(readFileSync(join(dir, 'places.json'), 'utf8'));
    mutate(entries.find((e: { id: string }) => e.id === 'yanghuo-market'));
    writeFileSync(join(dir, 'places.json'), JSON.stringify(entries));
    return dir;
  }
  const run = (dir: string) => () => runPipeline({ ...DEFAULTS, gazetteerDir: dir });
  test('unknown kind', () => {
    expect(run(withEntry((e) => (e.kind = 'castle')))).toThrow(/"yanghuo-market".*unknown kind "castle"/);
  });
  test('missing evidence', () => {
    expect(run(withEntry((e) => (e.evidence = [])))).toThrow(/"yanghuo-market".*missing evidence/);
  });
  test('position outside Tianjin', () => {
    expect(
      run(withEntry((e) => (e.geometry = { type: 'point', at: { lnglat: [121.47, 31.23], note: 'Shanghai' } }))),
    ).toThrow(/"yanghuo-market".*outside Tianjin/);
  });
  test('self-intersecting polygon', () => {
    const bowtie = [
      [117.65, 39.02],
      [117.66, 39.03],
      [117.66, 39.02],
      [117.65, 39.03],
    ].map((p) => ({ lnglat: p, note: 'test' }));
    expect(run(withEntry((e) => (e.geometry = { type: 'polygon', vertices: bowtie })))).toThrow(
      /"yanghuo-market".*intersects itself/,
    );
  });
});
