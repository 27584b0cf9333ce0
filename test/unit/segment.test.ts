import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { segment, splitSentences, cnNumber } from '../../pipeline/stages/segment.ts';
import { cleanSlice, type Outline } from '../../src/lib/contracts/plan.ts';
import { readPlans } from '../../pipeline/stages/read.ts';

const plans = readPlans('data/plans');
const outlines = new Map<string, { outline: Outline; text: string }>(
  plans.map((p) => [p.meta.id, { outline: segment(p.meta.id, p.text, p.meta.sha256), text: p.text }]),
);
const kinds = (id: string, kind: string) => outlines.get(id)!.outline.blocks.filter((b) => b.kind === kind);

describe('each plan outline matches its real structure', () => {
  test('杭州道 2021 has 9 chapters (and a table of contents that is not counted)', () => {
    expect(kinds('hangzhoudao-2021-fyp', 'chapter').map((b) => b.label)).toEqual(
      ['一', '二', '三', '四', '五', '六', '七', '八', '九'].map((n) => `第${n}章`),
    );
    expect(kinds('hangzhoudao-2021-fyp', 'toc').length).toBeGreaterThan(30);
    expect(kinds('hangzhoudao-2021-fyp', 'section').length).toBe(30);
  });
  test('河北区 has 10 chapters and its 专栏 columns', () => {
    expect(kinds('hebei-2022-fyp', 'chapter')).toHaveLength(10);
    expect(kinds('hebei-2022-fyp', 'column').map((b) => b.anchor)).toEqual(
      expect.arrayContaining(['col4', 'col7', 'col8', 'col9']),
    );
  });
  test('和平区 has 8 chapters plus notes', () => {
    expect(kinds('heping-2016-fyp', 'chapter')).toHaveLength(8);
    const notes = outlines.get('heping-2016-fyp')!.outline.blocks.find((b) => b.anchor === 'notes');
    expect(notes?.title).toBe('注释:');
  });
  test('金钟街道 has 4 部分', () => {
    expect(kinds('jinzhong-2021-fyp', 'part').map((b) => b.anchor)).toEqual(['pt1', 'pt2', 'pt3', 'pt4']);
  });
  test('杭州道 action plan: numbered headings and its title', () => {
    expect(kinds('hangzhoudao-2023-action', 'title')[0]?.title).toBe('杭州道街道高质量发展行动方案');
    expect(kinds('hangzhoudao-2023-action', 'heading').length).toBeGreaterThanOrEqual(10);
  });
  test('page chrome is recognised (menus, 扫一扫, footers, page-break notes) and kept in place', () => {
    const chromeText = (id: string) => kinds(id, 'chrome').map((b) => outlines.get(id)!.text.slice(b.start, b.end));
    expect(chromeText('hangzhoudao-2021-fyp')).toEqual(
      expect.arrayContaining(['• 扫一扫在手机打开当前页', '重点链接']),
    );
    expect(chromeText('heping-2016-fyp')).toEqual(expect.arrayContaining(['(下转第20版)', '(上接第19版)']));
    expect(chromeText('jinzhong-2021-fyp')).toEqual(expect.arrayContaining(['返回顶部']));
  });
});

describe.each([...outlines.keys()])('%s', (id) => {
  test('every anchor is unique, URL-safe, and its offsets slice back to its text', () => {
    const { outline, text } = outlines.get(id)!;
    const seen = new Set<string>();
    for (const b of outline.blocks) {
      for (const s of [b, ...(b.sentences ?? [])]) {
        expect(seen.has(s.anchor), s.anchor).toBe(false);
        seen.add(s.anchor);
        expect(s.anchor).toMatch(/^[A-Za-z0-9.~-]+$/);
        const slice = text.slice(s.start, s.end);
        expect(slice.length).toBeGreaterThan(0);
        expect(slice.trim()).toBe(slice);
      }
      if (b.title) expect(text.slice(b.start, b.end)).toContain(b.title);
      // The sentences of a paragraph, put back together, are the paragraph without white space.
      if (b.sentences) {
        const joined = b.sentences.map((s) => cleanSlice(text, s.start, s.end, s.gaps)).join('');
        expect(joined.replace(/\s/g, '')).toBe(cleanSlice(text, b.start, b.end, b.gaps).replace(/\s/g, ''));
      }
    }
  });
  test('two runs give identical output', () => {
    const p = plans.find((x) => x.meta.id === id)!;
    expect(JSON.stringify(segment(id, p.text, p.meta.sha256))).toBe(JSON.stringify(outlines.get(id)!.outline));
  });
  test('the committed outline is what the pipeline produces now', () => {
    const committed = JSON.parse(readFileSync(`data/geojson/outlines/${id}.outline.json`, 'utf8'));
    expect(committed).toEqual(outlines.get(id)!.outline);
  });
});

describe('page chrome in the middle of a paragraph (fixture)', () => {
  const text = readFileSync('test/fixtures/segment/page-break.txt', 'utf8');
  const o = segment('fixture', text, '');
  const para = o.blocks.find((b) => b.kind === 'paragraph' && text.slice(b.start, b.end).startsWith('南京路'))!;

  test('the paragraph is joined across 下转/上接 and its clean text has no chrome', () => {
    expect(para.gaps).toHaveLength(1);
    const clean = cleanSlice(text, para.start, para.end, para.gaps);
    expect(clean).toContain('培育引进众筹融资、网络借贷等新兴业态。');
    expect(clean).not.toMatch(/下转|上接/);
    expect(o.blocks.filter((b) => b.kind === 'chrome').map((b) => text.slice(b.start, b.end))).toEqual([
      '首 页 区县招商 产业园区 企业选址 优惠政策 新闻中心',
      '(下转第20版)',
      '(上接第19版)',
    ]);
  });
  test('the sentence that crosses the break carries the gap', () => {
    const crossing = para.sentences!.find((s) => s.gaps)!;
    expect(cleanSlice(text, crossing.start, crossing.end, crossing.gaps)).toBe(
      '推动移动互联网、云计算与服务业融合发展,实施“互联网+金融”计划,培育引进众筹融资、网络借贷等新兴业态。',
    );
  });
  test('sentences split at 。；but not inside quotes or brackets', () => {
    expect(para.sentences!.map((s) => cleanSlice(text, s.start, s.end, s.gaps)).slice(-2)).toEqual([
      '形成“一区多点”布局；',
      '完善配套（含“小白楼。商圈”）。',
    ]);
  });
  test('anchors follow the structure', () => {
    expect(o.blocks.map((b) => b.anchor)).toEqual([
      'chrome1',
      'front.h1',
      'ch1',
      'ch1.h1',
      'ch1.p1',
      'chrome2',
      'chrome3',
      'ch1.h2',
      'ch1.p2',
    ]);
  });
});

describe('helpers', () => {
  test('Chinese numerals', () => {
    expect([cnNumber('一'), cnNumber('十'), cnNumber('十二'), cnNumber('二十三'), cnNumber('7')]).toEqual([
      1, 10, 12, 23, 7,
    ]);
  });
  test('splitSentences keeps a trailing fragment without a stop', () => {
    expect(splitSentences('甲。乙', [[0, 3]])).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 3 },
    ]);
  });
});
