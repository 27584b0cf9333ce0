/**
 * The plan corpus contract: plan metadata (data/plans/plans.json) and plan outlines
 * (data/plans/<plan-id>.outline.json). Shared by the pipeline (which writes them) and the app
 * (which reads and checks them). Offsets are JavaScript string indices (UTF-16 code units)
 * into the plan text, half-open [start, end).
 */

/** One plan's metadata, as stored in data/plans/plans.json. */
export interface PlanMeta {
  id: string;
  title: string;
  /** English titles, shown when the interface is in English. */
  title_en?: string;
  short_title: string;
  short_title_en?: string;
  issuer: string;
  district: string;
  /** Every district the plan covers, when more than `district` (its area for the geocoder). */
  districts?: string[];
  street: string | null;
  area_label: string;
  /** The plan's colour on the map (#rrggbb); a plan without one gets the next of the spare palette. */
  colour?: string;
  period: { from: number; to: number; vision: number | null };
  published: string;
  kind: string;
  file: string;
  sha256: string;
  source_note: string;
}

export type BlockKind =
  'title' | 'part' | 'chapter' | 'section' | 'heading' | 'column' | 'toc' | 'paragraph' | 'chrome';

/** A sentence inside a paragraph; `gaps` are chrome ranges inside it (e.g. a page-break note). */
export interface Sentence {
  anchor: string;
  start: number;
  end: number;
  gaps?: [number, number][];
}

/**
 * One block of the outline in reading order. Headings carry `level` (1 = part/chapter ...) and
 * `label` (e.g. "第一章"); paragraphs carry sentences. Chrome blocks are page furniture that is
 * not part of the plan: they are kept (never deleted from the text) but hidden by the reader.
 */
export interface Block {
  anchor: string;
  kind: BlockKind;
  start: number;
  end: number;
  level: number;
  /** Anchors of the headings that contain this block, outermost first. */
  path: string[];
  label?: string;
  title?: string;
  gaps?: [number, number][];
  sentences?: Sentence[];
}

export interface Outline {
  plan: string;
  sha256: string;
  length: number;
  blocks: Block[];
}

/** The text a range stands for, with chrome gaps removed. */
export function cleanSlice(text: string, start: number, end: number, gaps: [number, number][] = []): string {
  let out = '';
  let at = start;
  for (const [gs, ge] of gaps) {
    out += text.slice(at, gs);
    at = ge;
  }
  return out + text.slice(at, end);
}
