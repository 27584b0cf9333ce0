/**
 * Stage "read": load plans.json and every plan text, refusing anything that is not exactly the
 * text the map cites: not UTF-8, empty, or changed since its sha256 was recorded.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { PlanMeta } from '../../src/lib/contracts/plan.ts';
import { PipelineError } from '../errors.ts';

/** The largest plan text read (a five-year plan is 20–100 KB). */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

export interface PlanText {
  meta: PlanMeta;
  text: string;
}

const REQUIRED: (keyof PlanMeta)[] = ['id', 'title', 'issuer', 'district', 'period', 'kind', 'file', 'sha256'];

/** A plan file's bytes as text, or a PipelineError naming the file and the rule it breaks. */
export function decodePlan(bytes: Buffer, path: string): string {
  if (bytes.length === 0) throw new PipelineError(`${path}: plan text is empty`);
  if (bytes.length > MAX_PLAN_BYTES)
    throw new PipelineError(
      `${path}: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, over the ${MAX_PLAN_BYTES / 1024 / 1024} MB a plan may be`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PipelineError(`${path}: not valid UTF-8 (GBK or another encoding?). Convert it to UTF-8 first.`);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    throw new PipelineError(`${path}: starts with a byte-order mark; remove it`);
  if (text.includes('\u0000')) throw new PipelineError(`${path}: contains NUL bytes: not a plain text`);
  if (!/[\u4e00-\u9fa5]/.test(text))
    throw new PipelineError(`${path}: no Chinese text in it (empty or whitespace only?)`);
  return text;
}

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
    if (meta.colour !== undefined && !/^#[0-9a-f]{6}$/i.test(meta.colour))
      throw new PipelineError(`${metaPath}: plan ${meta.id}: colour "${meta.colour}" must be #rrggbb`);
    ids.add(meta.id);
    // The text is cited in the published layers: it must be a file of data/plans itself.
    if (!/^[A-Za-z0-9._-]+$/.test(meta.file) || meta.file.startsWith('.'))
      throw new PipelineError(
        `${metaPath}: plan ${meta.id}: file "${meta.file}" must be a plain file name inside ${dir}`,
      );
    const path = join(dir, meta.file);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new PipelineError(`${path}: plan text of "${meta.id}" not found`);
    }
    const text = decodePlan(bytes, path);
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
