/** The UI language (set from the URL's `lang`) and the string lookup that follows it reactively. */
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
