/**
 * The geocoder's word lists (data/gazetteer/lexicon.json): the grammar of Chinese place-name forms
 * and the stop-lists, each entry with its reason. Checked with a schema where it enters.
 */
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { FEATURE_KINDS, type FeatureKind } from '../../src/lib/contracts/features.ts';
import { PipelineError } from '../errors.ts';

const Text = v.pipe(v.string(), v.minLength(1));
const Reasoned = v.object({ text: Text, reason: Text });

const LexiconSchema = v.object({
  about: v.string(),
  suffixes: v.array(v.object({ suffix: Text, kind: v.picklist(FEATURE_KINDS) })),
  qualifiers: v.array(Reasoned),
  generic: v.array(Reasoned),
  generic_heads: v.array(Reasoned),
  figurative: v.array(v.object({ after: Text, reason: Text })),
  programmes: v.array(Reasoned),
  outside: v.array(Reasoned),
  border_words: v.object({ pattern: Text, reason: Text }),
  leading_words: v.object({ words: v.array(Text), reason: Text }),
  brand_before: v.object({ words: v.array(Text), reason: Text }),
  prepositions: v.object({ chars: Text, reason: Text }),
  strong_suffixes: v.object({ words: v.array(Text), reason: Text }),
  suffix_rules: v.object({ min_head: v.pipe(v.number(), v.integer(), v.minValue(1)), reason: Text }),
  themes: v.record(Text, v.array(Text)),
});

export type LexiconData = v.InferOutput<typeof LexiconSchema>;

export interface Lexicon extends LexiconData {
  /** Suffixes, longest first. */
  bySuffix: { suffix: string; kind: FeatureKind }[];
  /** Names that are not places, by text: the reason. */
  notPlaces: Map<string, string>;
  genericHeads: Set<string>;
  /** Words a name never runs across (verbs, ordinals, measure words). */
  leading: Set<string>;
  /** The same, longest first. */
  leadingList: string[];
  border: RegExp;
}

/** The first schema issue as "file: path: message", naming the entry and the rule. */
export function schemaError(file: string, issues: v.BaseIssue<unknown>[]): PipelineError {
  const i = issues[0]!;
  const path = (i.path ?? []).map((p) => String(p.key)).join('.');
  return new PipelineError(`${file}: ${path || '(top level)'}: ${i.message}`);
}

export function readLexicon(file: string): Lexicon {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PipelineError(`${file}: ${(e as Error).message}`);
  }
  const r = v.safeParse(LexiconSchema, raw);
  if (!r.success) throw schemaError(file, r.issues);
  const d = r.output;
  let border: RegExp;
  try {
    border = new RegExp(d.border_words.pattern);
  } catch (e) {
    throw new PipelineError(`${file}: border_words.pattern: ${(e as Error).message}`);
  }
  const notPlaces = new Map<string, string>();
  for (const x of [...d.generic, ...d.programmes, ...d.outside]) notPlaces.set(x.text, x.reason);
  return {
    ...d,
    bySuffix: [...d.suffixes].sort((a, b) => b.suffix.length - a.suffix.length),
    notPlaces,
    genericHeads: new Set(d.generic_heads.map((x) => x.text)),
    leading: new Set(d.leading_words.words),
    leadingList: [...d.leading_words.words].sort((a, b) => b.length - a.length),
    border,
  };
}

/** The generic term a word is, or ends in (…路 a road, …站 a station), or undefined. */
export function suffixWord(lex: Lexicon, word: string): { suffix: string; kind: FeatureKind } | undefined {
  return lex.bySuffix.find((s) => s.suffix === word) ?? suffixOf(lex, word);
}

/** The kind a name's ending implies (…路 a road, …站 a station), or undefined. */
export function suffixOf(lex: Lexicon, name: string): { suffix: string; kind: FeatureKind } | undefined {
  return lex.bySuffix.find((s) => name.endsWith(s.suffix) && name.length > s.suffix.length);
}
