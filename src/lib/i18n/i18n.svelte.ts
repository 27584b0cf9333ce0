/** The UI language (set from the URL's `lang`) and the string lookup that follows it reactively. */
import type { DatasetInfo, Evidence } from '../contracts/features.ts';
import { KIND_LABELS, METHOD_LABELS, STRINGS, THEME_LABELS_EN, type StringKey } from './strings.ts';

export const i18n = $state<{ lang: 'zh' | 'en' }>({ lang: 'zh' });

export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[i18n.lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export const kindLabel = (kind: string): string => KIND_LABELS[i18n.lang][kind] ?? kind;
export const methodLabel = (method: string): string => METHOD_LABELS[i18n.lang][method] ?? method;
export const themeLabel = (theme: string): string => (i18n.lang === 'en' ? (THEME_LABELS_EN[theme] ?? theme) : theme);

/** A plan's short title in the interface's language (the Chinese one when it has no English). */
export const planLabel = (m: { short_title: string; short_title_en?: string }): string =>
  i18n.lang === 'en' && m.short_title_en ? m.short_title_en : m.short_title;

/** A list as the language writes it: 、 in Chinese, a comma in English. */
export const listJoin = (xs: string[]): string => xs.join(i18n.lang === 'en' ? ', ' : '、');

export const formatDistance = (m: number): string =>
  m < 1000 ? t('metres', { n: Math.round(m) }) : t('km', { n: (m / 1000).toFixed(1) });

/** A reason for a place's position, in the interface's language. */
export const evidenceText = (e: Evidence): string => e[i18n.lang];

/** What a reason rests on, as one line: the dataset (named, with source and licence), its feature, the distance. */
export function evidenceData(e: Evidence, datasets: Record<string, DatasetInfo>): string | null {
  const d = e.dataset ? datasets[e.dataset] : undefined;
  const parts = [
    d && t('evidenceDataset', { name: d[i18n.lang], source: d.source, licence: d.licence }),
    e.feature && t('evidenceFeature', { name: e.feature }),
    e.distance_m && t('evidenceDistance', { n: e.distance_m }),
  ].filter((x): x is string => !!x);
  return parts.length ? parts.join(' · ') : null;
}
