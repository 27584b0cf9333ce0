/** GeoJSON sources for the plan layers, with the uncertainty circles derived from precision_m. */
import { circle } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { PlaceCollection } from '../contracts/features.ts';
import type { PlanData } from '../data/plan-data.ts';
import { UNCERTAIN_M } from './style/plan-layers.ts';

/** MapLibre drops string feature ids, so the id is copied into the properties for clicks. */
const withFid = (fc: PlaceCollection): FeatureCollection => ({
  type: 'FeatureCollection',
  features: fc.features.map((f) => ({ ...f, properties: { ...f.properties, fid: f.id } })),
});

export function planSourceData(data: PlanData): Record<string, FeatureCollection> {
  const uncertain = data.sites.features.filter(
    (f) => f.properties.precision_m > UNCERTAIN_M && f.geometry.type === 'Point',
  );
  return {
    'plan-zones': withFid(data.zones),
    'plan-corridors': withFid(data.corridors),
    'plan-sites': withFid(data.sites),
    'plan-uncertainty': {
      type: 'FeatureCollection',
      features: uncertain.map((f) => ({
        ...circle((f.geometry as GeoJSON.Point).coordinates, f.properties.precision_m, { units: 'meters', steps: 48 }),
        properties: {
          fid: f.id,
          plans: f.properties.plans,
          themes: f.properties.themes,
          precision_m: f.properties.precision_m,
        },
      })),
    },
  };
}
