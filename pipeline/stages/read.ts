/**
 * Stage "read": load plans.json and every plan text, refusing anything that is not exactly the
 * text the map cites: not UTF-8, empty, or changed since its sha256 was recorded.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { PlanMeta } from '../../src/lib/contracts/plan.ts';
import { PipelineError } from '../errors.ts';

export interface PlanText {
  meta: PlanMeta;
  text: string;
}

const REQUIRED: (keyof PlanMeta)[] = ['id', 'title', 'issuer', 'district', 'period', 'kind', 'file', 'sha256'];

export function readPlans(dir: string): PlanText[] {
  const metaPath = join(dir, 'plans.json');
  let metas: PlanMeta[];
  try {
    metas = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (e) {
    throw new PipelineError(`${metaPath}: cannot read plan metadata (${(e as Error).message})`);
  }
  if (!Array.isArray(metas) || metas.length === 0)
    throw new PipelineError(`${metaPath}: expected a non-empty array of plans`);
  const ids = new Set<string>();
  return metas.map((meta) => {
    for (const k of REQUIRED) {
      if (meta[k] === undefined || meta[k] === '')
        throw new PipelineError(`${metaPath}: plan ${meta.id ?? '?'} lacks "${k}"`);
    }
    if (!/^[a-z0-9-]+$/.test(meta.id))
      throw new PipelineError(`${metaPath}: plan id "${meta.id}" must be lower-case a-z, 0-9 and -`);
    if (ids.has(meta.id)) throw new PipelineError(`${metaPath}: duplicate plan id "${meta.id}"`);
    ids.add(meta.id);
    const path = join(dir, meta.file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new PipelineError(`${path}: plan text of "${meta.id}" not found`);
    }
    if (bytes.length === 0) throw new PipelineError(`${path}: plan text is empty`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new PipelineError(`${path}: not valid UTF-8 (GBK or another encoding?). Convert it to UTF-8 first.`);
    }
    if (text.charCodeAt(0) === 0xfeff) throw new PipelineError(`${path}: starts with a byte-order mark; remove it`);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== meta.sha256) {
      throw new PipelineError(
        `${path}: sha256 ${sha} differs from plans.json (${meta.sha256}). The map cites this text by offsets: ` +
          `restore the original, or, for a new edition, update plans.json on purpose.`,
      );
    }
    return { meta, text };
  });
}
