/**
 * The basemaps: the built-in offline one (default) and optional online tile services, off unless
 * chosen. Each records its CRS: on a GCJ-02 basemap (AMap) every overlay is shifted WGS-84 → GCJ-02
 * so that it lines up with the tiles. Tile URLs and keys come from config.json (never committed keys).
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';

export type Crs = 'WGS84' | 'GCJ02';

export interface BasemapDef {
  id: string;
  label: string;
  labelEn: string;
  crs: Crs;
  /** Default tile URL templates; `{key}` is replaced by the configured key. */
  tiles: string[];
  overlayTiles?: string[];
  needsKey: boolean;
  attribution: string;
}

export const BASEMAPS: BasemapDef[] = [
  {
    id: 'offline',
    label: '内置底图（离线）',
    labelEn: 'Built-in (offline)',
    crs: 'WGS84',
    tiles: [],
    needsKey: false,
    attribution: '',
  },
  {
    id: 'osm',
    label: 'OpenStreetMap',
    labelEn: 'OpenStreetMap',
    crs: 'WGS84',
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    needsKey: false,
    attribution: '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  },
  {
    id: 'tianditu',
    label: '天地图',
    labelEn: 'Tianditu 天地图',
    crs: 'WGS84', // CGCS2000, within a metre of WGS-84
    tiles: [
      'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
    ],
    overlayTiles: [
      'https://t0.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}',
    ],
    needsKey: true,
    attribution: '© 天地图 国家地理信息公共服务平台',
  },
  {
    id: 'amap',
    label: '高德地图（GCJ-02）',
    labelEn: 'AMap 高德 (GCJ-02)',
    crs: 'GCJ02',
    tiles: ['https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'],
    needsKey: false,
    attribution: '© 高德地图 AutoNavi',
  },
];

export interface BasemapConfig {
  /**
   * Per basemap: tiles and key for a built-in one; an id that is not built in, with `tiles` and a
   * `label`, adds a basemap (an intranet XYZ or WMTS tile server, {z}/{x}/{y} in the template).
   */
  basemaps?: Record<
    string,
    {
      tiles?: string[];
      overlayTiles?: string[];
      key?: string;
      label?: string;
      labelEn?: string;
      crs?: Crs;
      attribution?: string;
    }
  >;
  /** The basemap a link without one opens on (the shipped build: the built-in offline one). */
  defaultBasemap?: string;
}

/** Adds the basemaps a deployment's config.json defines (once); returns the default basemap's id, if valid. */
export function addConfigBasemaps(config: BasemapConfig): string | null {
  for (const [id, c] of Object.entries(config.basemaps ?? {})) {
    if (BASEMAPS.some((b) => b.id === id) || !c.tiles?.length || !c.label) continue;
    BASEMAPS.push({
      id,
      label: c.label,
      labelEn: c.labelEn ?? c.label,
      crs: c.crs ?? 'WGS84',
      tiles: c.tiles,
      overlayTiles: c.overlayTiles,
      needsKey: false,
      attribution: c.attribution ?? '',
    });
  }
  const d = config.defaultBasemap;
  return d && BASEMAPS.some((b) => b.id === d) ? d : null;
}

export function basemapDef(id: string | null | undefined): BasemapDef {
  return BASEMAPS.find((b) => b.id === id) ?? BASEMAPS[0]!;
}

/** Tile URLs with the key filled in and relative templates made absolute (braces kept). */
export function resolveTiles(templates: string[], key: string, base: string): string[] {
  return templates.map((t) =>
    new URL(t.replaceAll('{key}', encodeURIComponent(key)), base).href.replaceAll('%7B', '{').replaceAll('%7D', '}'),
  );
}

export interface OnlineLayers {
  sources: Record<string, SourceSpecification>;
  layers: LayerSpecification[];
}

/** Raster sources and layers for an online basemap (empty for the offline one). */
export function onlineBasemap(def: BasemapDef, config: BasemapConfig, base: string): OnlineLayers {
  if (def.id === 'offline') return { sources: {}, layers: [] };
  const c = config.basemaps?.[def.id] ?? {};
  const key = c.key ?? '';
  if (def.needsKey && !key) throw new Error(`${def.label} 需要在 config.json 中配置 key`);
  const sources: Record<string, SourceSpecification> = {
    'online-base': {
      type: 'raster',
      tiles: resolveTiles(c.tiles ?? def.tiles, key, base),
      tileSize: 256,
      attribution: def.attribution,
      maxzoom: 18,
    },
  };
  const layers: LayerSpecification[] = [{ id: 'online-base', type: 'raster', source: 'online-base' }];
  const overlay = c.overlayTiles ?? def.overlayTiles;
  if (overlay) {
    sources['online-labels'] = { type: 'raster', tiles: resolveTiles(overlay, key, base), tileSize: 256, maxzoom: 18 };
    layers.push({ id: 'online-labels', type: 'raster', source: 'online-labels' });
  }
  return { sources, layers };
}
