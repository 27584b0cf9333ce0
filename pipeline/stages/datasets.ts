/** What each reference file is (data/reference/datasets.json): evidence names a file; the app names the dataset. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import type { DatasetInfo } from '../../src/lib/contracts/features.ts';
import { PipelineError } from '../errors.ts';

const Text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const DatasetsSchema = v.record(
  v.pipe(v.string(), v.regex(/^data\/reference\/[\w.-]+$/, 'keys must be data/reference/<file>')),
  v.strictObject({
    zh: v.pipe(Text, v.regex(/\p{Script=Han}/u, 'zh must be written in Chinese')),
    en: Text,
    source: Text,
    licence: Text,
  }),
);

export function readDatasets(referenceDir: string): Record<string, DatasetInfo> {
  const file = join(referenceDir, 'datasets.json');
  const r = v.safeParse(DatasetsSchema, JSON.parse(readFileSync(file, 'utf8')));
  if (!r.success) {
    const i = r.issues[0];
    throw new PipelineError(`${file}: ${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
  }
  return r.output;
}

/**
 * Every dataset an evidence item cites must be described, or the app could not name it; the Chinese
 * text then names it in Chinese (地铁站数据“营口道”) where the geocoder wrote its file path.
 */
export function nameDatasets(
  features: { id?: string | number; properties: { evidence: { dataset?: string; zh: string }[] } }[],
  datasets: Record<string, DatasetInfo>,
  file: string,
): void {
  const paths = Object.keys(datasets).sort((a, b) => b.length - a.length);
  for (const f of features)
    for (const e of f.properties.evidence) {
      if (e.dataset && !datasets[e.dataset])
        throw new PipelineError(
          `${file}: feature ${String(f.id)}: evidence cites ${e.dataset}, which datasets.json does not describe`,
        );
      for (const path of paths)
        e.zh = e.zh
          .replaceAll(new RegExp(`${escape(path)}: "([^"]*)"`, 'g'), `${datasets[path]!.zh}数据“$1”`)
          .replaceAll(path, `${datasets[path]!.zh}数据`);
    }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
