/**
 * The plan corpus in the browser: metadata, outlines and texts, fetched lazily and checked on
 * arrival (schema shape, sha256 of the text) so a stale or broken file is reported, not shown.
 */
import plansUrl from '../../../data/plans/plans.json?url';
import { cleanSlice, type Block, type Outline, type PlanMeta } from '../contracts/plan.ts';

const textUrls = import.meta.glob('../../../data/plans/*.txt', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const outlineUrls = import.meta.glob('../../../data/geojson/outlines/*.outline.json', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const byName = (urls: Record<string, string>, name: string): string => {
  const key = Object.keys(urls).find((k) => k.endsWith(`/${name}`));
  if (!key) throw new Error(`data file ${name} is not part of this build`);
  return urls[key]!;
};

async function fetchOk(url: string, what: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status}`);
  return res;
}

export interface LoadedPlan {
  meta: PlanMeta;
  text: string;
  outline: Outline;
  /** Headings by anchor, for section paths. */
  headings: Map<string, Block>;
}

let metas: Promise<PlanMeta[]> | null = null;
const loaded = new Map<string, Promise<LoadedPlan>>();

export function loadPlanMetas(): Promise<PlanMeta[]> {
  metas ??= fetchOk(plansUrl, 'plans.json')
    .then((r) => r.json())
    .then((list: unknown) => {
      if (!Array.isArray(list) || list.some((p) => typeof p?.id !== 'string' || typeof p?.title !== 'string')) {
        throw new Error('plans.json: not a list of plans');
      }
      return list as PlanMeta[];
    });
  return metas;
}

async function sha256Hex(text: string): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function loadPlan(id: string): Promise<LoadedPlan> {
  let p = loaded.get(id);
  if (!p) {
    p = (async () => {
      const meta = (await loadPlanMetas()).find((m) => m.id === id);
      if (!meta) throw new Error(`没有这个规划 / unknown plan "${id}"`);
      const [text, outline] = await Promise.all([
        fetchOk(byName(textUrls, meta.file), meta.file).then((r) => r.text()),
        fetchOk(byName(outlineUrls, `${id}.outline.json`), `${id}.outline.json`).then(
          (r) => r.json() as Promise<Outline>,
        ),
      ]);
      if (!outline || outline.plan !== id || !Array.isArray(outline.blocks))
        throw new Error(`${id}.outline.json: malformed`);
      // crypto.subtle exists only in secure contexts (https, localhost); elsewhere fall back to length.
      if (crypto.subtle && (await sha256Hex(text)) !== meta.sha256)
        throw new Error(`${meta.file}: text differs from plans.json`);
      if (outline.length !== text.length) throw new Error(`${id}.outline.json: does not match ${meta.file}`);
      const headings = new Map(outline.blocks.filter((b) => b.kind !== 'paragraph').map((b) => [b.anchor, b]));
      return { meta, text, outline, headings };
    })();
    p.catch(() => loaded.delete(id));
    loaded.set(id, p);
  }
  return p;
}

export const loadAllPlans = async (): Promise<LoadedPlan[]> =>
  Promise.all((await loadPlanMetas()).map((m) => loadPlan(m.id)));

/** "第三章 完善优化功能布局 › 二、着力构筑“六区联动”格局" for a block. */
export function sectionPath(plan: LoadedPlan, block: Block): string {
  return block.path
    .map((a) => plan.headings.get(a))
    .filter((h): h is Block => !!h && h.kind !== 'toc')
    .map((h) => plan.text.slice(h.start, h.end))
    .join(' › ');
}

export interface Located {
  block: Block;
  /** The sentence, when the anchor names one. */
  sentence: { anchor: string; start: number; end: number; gaps?: [number, number][] } | null;
}

export function locate(plan: LoadedPlan, anchor: string): Located | null {
  for (const block of plan.outline.blocks) {
    if (block.anchor === anchor) return { block, sentence: null };
    const s = block.sentences?.find((x) => x.anchor === anchor);
    if (s) return { block, sentence: s };
  }
  return null;
}

/** Plan title, section path and the quoted sentence (or block), with a link back. */
export function citation(plan: LoadedPlan, anchor: string, href: string): string {
  const at = locate(plan, anchor);
  if (!at) return `《${plan.meta.title}》`;
  const r = at.sentence ?? at.block;
  const quote = cleanSlice(plan.text, r.start, r.end, r.gaps ?? at.block.gaps);
  const path = sectionPath(plan, at.block);
  return `《${plan.meta.title}》${path ? `，${path}` : ''}：“${quote}”（${href}）`;
}
