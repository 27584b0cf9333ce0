import { describe, expect, test } from 'vitest';
import { parseHostMessage, parseMapEvent, originOf } from '../../src/lib/embed/protocol.ts';
import { allowedOrigins, fullAppUrl, parseEmbedOptions } from '../../src/lib/embed/options.ts';
import { iframeCode, responsiveCode } from '../../src/lib/embed/snippet.ts';
import { hashQuery, parseParams } from '../../src/lib/state/params.ts';

describe('host messages', () => {
  test('the documented shapes are accepted', () => {
    expect(
      parseHostMessage({ planAtlas: 1, type: 'setFilters', filters: { plans: ['heping-2016-fyp'], themes: ['生态'] } }),
    ).toEqual({
      planAtlas: 1,
      type: 'setFilters',
      filters: { plans: ['heping-2016-fyp'], themes: ['生态'] },
    });
    expect(parseHostMessage({ planAtlas: 1, type: 'select', id: null })).toMatchObject({ id: null });
    expect(parseHostMessage({ planAtlas: 1, type: 'fitTo', id: 'wudadao-zone' })).toMatchObject({ id: 'wudadao-zone' });
    expect(parseHostMessage({ planAtlas: 1, type: 'fitTo', bbox: [117, 39, 117.3, 39.2] })).toMatchObject({
      bbox: [117, 39, 117.3, 39.2],
    });
    expect(parseHostMessage({ planAtlas: 1, type: 'setLanguage', lang: 'en' })).toMatchObject({ lang: 'en' });
  });

  test.each([
    null,
    'select',
    [],
    { type: 'select', id: 'x' },
    { planAtlas: 2, type: 'select', id: 'x' },
    { planAtlas: 1, type: 'select', id: '<img src=x onerror=alert(1)>' },
    { planAtlas: 1, type: 'select', id: 'javascript:alert(1)' },
    { planAtlas: 1, type: 'select', id: 'a'.repeat(61) },
    { planAtlas: 1, type: 'setFilters', filters: { plans: 'x' } },
    { planAtlas: 1, type: 'setFilters', filters: { other: ['x'] } },
    { planAtlas: 1, type: 'setFilters', filters: { plans: Array(51).fill('a') } },
    { planAtlas: 1, type: 'fitTo', bbox: [3, 2, 1, 0] },
    { planAtlas: 1, type: 'fitTo', bbox: [1, 2, 3, Infinity] },
    { planAtlas: 1, type: 'setLanguage', lang: 'fr' },
    { planAtlas: 1, type: 'eval' },
  ])('malformed: %j', (m) => {
    expect(parseHostMessage(m)).toBeNull();
  });

  test('map events are checked by the host script too', () => {
    expect(parseMapEvent({ planAtlas: 1, type: 'height', height: 600 })).not.toBeNull();
    expect(parseMapEvent({ planAtlas: 1, type: 'height', height: -1 })).toBeNull();
    expect(parseMapEvent({ planAtlas: 1, type: 'other' })).toBeNull();
  });
});

describe('embed options', () => {
  test('parsed from the query string, with safe defaults', () => {
    const o = parseEmbedOptions(
      '?embed=1&host=https://portal.gov.cn/page?x=1&links=parent&controls=legend,basemap,bogus&h=300',
    );
    expect(o).toEqual({
      embed: true,
      host: 'https://portal.gov.cn',
      links: 'parent',
      controls: ['legend', 'basemap'],
      height: 300,
      auto: false,
    });
    expect(parseEmbedOptions('?embed=1&host=javascript:alert(1)&h=5')).toMatchObject({
      host: null,
      height: 200,
      links: 'blank',
    });
    // A height out of range is brought into it; one that is not a number is the default.
    expect(parseEmbedOptions('?embed=1&h=3000').height).toBe(2000);
    expect(parseEmbedOptions('?embed=1&h=abc').height).toBe(450);
    expect(parseEmbedOptions('').embed).toBe(false);
    expect(parseEmbedOptions('?embed=1&auto=1').auto).toBe(true);
    expect(parseEmbedOptions('?embed=1').auto).toBe(false);
  });

  test('allowed origins: own, the host, and configured ones', () => {
    const o = parseEmbedOptions('?embed=1&host=https://portal.gov.cn');
    expect(allowedOrigins(o, 'http://127.0.0.1:4173', ['https://news.example.cn/x', 'nonsense'])).toEqual([
      'http://127.0.0.1:4173',
      'https://portal.gov.cn',
      'https://news.example.cn',
    ]);
    expect(originOf('file:///etc/passwd')).toBeNull();
  });

  test('full map link and snippets keep the state and escape it', () => {
    expect(fullAppUrl('https://a.cn/atlas/?embed=1&h=300#/?plans=x')).toBe('https://a.cn/atlas/#/?plans=x');
    const p = parseParams(hashQuery('#/?plans=heping-2016-fyp&sel=wudadao-zone&tab=list'));
    const code = iframeCode('https://a.cn/atlas/', p, '800', 500, 'Plan "Atlas"');
    expect(code).toBe(
      '<iframe src="https://a.cn/atlas/?embed=1&amp;h=500#/?plans=heping-2016-fyp&amp;sel=wudadao-zone" width="800" height="500" style="border:0;max-width:100%" title="Plan &quot;Atlas&quot;" loading="lazy" allow="geolocation"></iframe>',
    );
    expect(iframeCode('https://a.cn/atlas/', p, '800', 500, 'x', 'https://portal.gov.cn')).toContain(
      'src="https://a.cn/atlas/?embed=1&amp;h=500&amp;host=https%3A%2F%2Fportal.gov.cn#/?plans=heping-2016-fyp',
    );
    const responsive = responsiveCode('https://a.cn/atlas/', p, 450, { comment: 'API' }).split('\n');
    expect(responsive.slice(0, 2)).toEqual([
      '<div id="plan-atlas" data-plan-atlas="plans=heping-2016-fyp&amp;sel=wudadao-zone" data-height="450"></div>',
      '<script src="https://a.cn/atlas/embed.js" async></script>',
    ]);
    // The API is used through the queue, which works before embed.js has loaded.
    expect(responsive.join('\n')).toContain('(window.PlanAtlas = window.PlanAtlas || []).push(function (PlanAtlas) {');
  });
});
