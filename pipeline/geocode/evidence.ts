/**
 * Evidence as the app shows it: each reason said in Chinese and English by the code that knows it,
 * with the dataset and feature it rests on kept as fields rather than buried in the prose.
 */
import type { Bilingual, Evidence } from '../../src/lib/contracts/features.ts';
import { METHOD_LABELS } from '../../src/lib/i18n/strings.ts';

export interface From {
  dataset: string;
  feature?: string;
}

export function said(zh: string, en: string, from?: From, distance_m?: number): Evidence {
  const e: Evidence = { zh, en };
  if (from) {
    e.dataset = from.dataset;
    if (from.feature !== undefined) e.feature = from.feature;
  }
  if (distance_m !== undefined) e.distance_m = distance_m;
  return e;
}

/** `file: "feature"`, as the prose cites a reference feature. */
export const cite = (f: From): string => (f.feature === undefined ? f.dataset : `${f.dataset}: "${f.feature}"`);

/** A method's label in both languages (the one the app shows for `method`). */
export const methodSaid = (method: string): Bilingual => ({
  zh: METHOD_LABELS.zh[method] ?? method,
  en: METHOD_LABELS.en[method] ?? method,
});

/** Several reasons as one, in each language. */
export function joined(parts: Bilingual[], head?: Bilingual): Evidence {
  const zh = parts.map((p) => p.zh).join('；');
  const en = parts.map((p) => p.en).join('; ');
  return head ? { zh: `${head.zh}：${zh}`, en: `${head.en}: ${en}` } : { zh, en };
}
