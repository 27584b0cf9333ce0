import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLexicon } from '../../pipeline/geocode/lexicon.ts';
import { spansOf } from '../../pipeline/geocode/spans.ts';
import { defaultContext } from '../../pipeline/geocode/one-plan.ts';
import { evaluateFile, quantile } from '../../pipeline/geocode/evaluate.ts';

const lex = readLexicon('data/gazetteer/lexicon.json');
const ctx = defaultContext();
const known = { curated: new Map<string, string>(), indexed: (n: string) => ctx.index.byName.has(n) };
const found = (s: string) =>
  spansOf(s, lex, known)
    .filter((x) => x.how !== 'not-place')
    .map((x) => x.name);
const refused = (s: string) =>
  spansOf(s, lex, known)
    .filter((x) => x.how === 'not-place')
    .map((x) => x.name);

describe('place names in a sentence (grammar, index and stop-lists)', () => {
  test('names of every form are found, whatever the plan', () => {
    const s =
      '加快推进南开大悦城二期建设，依托南开大学、天津大学，改造白堤路与红旗路交口周边，地铁6号线水上公园东路站，天津市第一中心医院。';
    expect(found(s)).toEqual(
      expect.arrayContaining([
        '南开大悦城',
        '南开大学',
        '天津大学',
        '白堤路',
        '红旗路',
        '白堤路与红旗路交口',
        '地铁6号线',
        '水上公园东路站',
        '天津市第一中心医院',
      ]),
    );
  });
  test('figures of speech, programmes, brands to attract and places outside Tianjin are not places', () => {
    const s = '建设中心公园式的街角绿地和小白楼式的商务楼宇，实施海河英才计划，引进万达广场，对接北京、雄安新区。';
    expect(found(s)).toEqual([]);
    expect(refused(s)).toEqual(expect.arrayContaining(['小白楼', '海河英才', '万达广场', '北京', '雄安新区']));
  });
  test('a zone given by its enclosing roads is one span, with its roads, each also a mention of its road', () => {
    const sp = spansOf('以马场道、西康路、贵州路、岳阳道围合', lex, known);
    expect(sp.filter((x) => x.how === 'enclosure').map((x) => x.roads)).toEqual([
      ['马场道', '西康路', '贵州路', '岳阳道'],
    ]);
    expect(sp.filter((x) => x.how !== 'enclosure').map((x) => [x.name, x.kind])).toEqual([
      ['马场道', 'road'],
      ['西康路', 'road'],
      ['贵州路', 'road'],
      ['岳阳道', 'road'],
    ]);
  });
});

describe('evaluation on the annotated plans (test/fixtures/eval)', () => {
  const dir = 'test/fixtures/eval';
  const files = readdirSync(dir).filter((f) => f.endsWith('.truth.json'));
  test('there are at least two written plans for districts outside the corpus, and one corpus plan', () => {
    expect(files.filter((f) => f.includes('-test.')).length).toBeGreaterThanOrEqual(2);
  });
  for (const f of files) {
    test(`${f}: recall, located share, precision and false matches within the bars`, () => {
      const s = evaluateFile(ctx, dir, f);
      const written = f.includes('-test.');
      // The bars (README, "How precise the data is"); the corpus plan's are lower, for the reasons given there.
      expect(s.mentionsFound / s.mentions, 'mention recall').toBeGreaterThanOrEqual(written ? 0.9 : 0.85);
      expect(s.placesLocated / s.places, 'located').toBeGreaterThanOrEqual(written ? 0.7 : 0.5);
      if (s.withTruth)
        expect(
          s.within / s.withTruth,
          `within claimed precision (p90 ${quantile(s.errors, 0.9)} m)`,
        ).toBeGreaterThanOrEqual(0.9);
      expect(s.falseMatches).toEqual([]);
    });
  }
});

describe('npm run geocode: a planner’s own plan', () => {
  const run = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'pipeline/geocode-cli.ts', ...args], { encoding: 'utf8' });
  const tmp = () => mkdtempSync(join(tmpdir(), 'geocode-'));
  const dataStamp = () =>
    readdirSync('data/geojson')
      .map((f) => `${f}:${statSync(join('data/geojson', f)).mtimeMs}`)
      .join();

  test('writes every place found, located or not, with quotes that slice back to the text, and leaves data/ alone', () => {
    const out = tmp();
    const before = dataStamp();
    const plan = 'test/fixtures/eval/nankai-2021-test.txt';
    const r = run(plan, '--district', '南开区', '--title', '南开区规划', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(plan, 'utf8');
    const fc = JSON.parse(readFileSync(join(out, 'places.geojson'), 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    const names = fc.features.map((x: { properties: { name: string } }) => x.properties.name);
    expect(names).toEqual(expect.arrayContaining(['南开区', '南开中学', '水上公园东路站', '古文化街']));
    for (const x of fc.features) for (const s of x.properties.sources) expect(text.slice(s.start, s.end)).toBe(s.quote);
    expect(fc.features.some((x: { geometry: unknown }) => x.geometry === null)).toBe(true);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('Places not located');
    expect(dataStamp()).toBe(before);
  });

  test('bad input exits non-zero with a clear message and writes nothing', () => {
    const dir = tmp();
    const gbk = join(dir, 'gbk.txt');
    writeFileSync(gbk, Buffer.from([0xc4, 0xcf, 0xbf, 0xaa, 0xc7, 0xf8]));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '  \n\t ');
    const nul = join(dir, 'nul.txt');
    writeFileSync(nul, '南开区\u0000规划');
    const ok = 'test/fixtures/eval/nankai-2021-test.txt';
    const cases: [string[], RegExp][] = [
      [[gbk, '--district', '南开区', '--out', join(dir, 'a')], /gbk\.txt: not valid UTF-8/],
      [[empty, '--district', '南开区', '--out', join(dir, 'b')], /empty\.txt: no Chinese text/],
      [[nul, '--district', '南开区', '--out', join(dir, 'c')], /nul\.txt: contains NUL/],
      [[ok, '--district', '南开', '--out', join(dir, 'd')], /unknown district "南开"/],
      [[ok, '--district', '南开区', '--out', 'data/geojson'], /must not be inside data/],
      [[ok, '--district', '南开区', '--street', '月球街道', '--out', join(dir, 'f')], /unknown street "月球街道"/],
      [[ok, '--out', join(dir, 'e')], /usage: npm run geocode/],
    ];
    for (const [args, msg] of cases) {
      const r = run(...args);
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(dir).sort()).toEqual(['empty.txt', 'gbk.txt', 'nul.txt']);
  });
});
