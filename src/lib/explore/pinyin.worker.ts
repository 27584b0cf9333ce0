/**
 * Works out the pinyin keys of the names and aliases off the main thread: pinyin-pro reads each
 * name as words, some tens of microseconds a name, which at hundreds of plans is seconds of work
 * that would otherwise stall typing. Replies in batches, in the order of the terms it was given.
 */
import { pinyin } from 'pinyin-pro';
import { pinyinKeys, type PinyinKeys } from './pinyin-keys.ts';

export interface PinyinRequest {
  terms: string[];
}
export interface PinyinReply {
  keys: PinyinKeys[];
  done: boolean;
}

/** A batch at least this often, so that the first matches show before the whole list is done. */
const BATCH_MS = 40;

onmessage = (e: MessageEvent<PinyinRequest>) => {
  // Many places share a name (a road named by several plans): each name is read once.
  const seen = new Map<string, PinyinKeys>();
  let keys: PinyinKeys[] = [];
  let since = performance.now();
  for (const term of e.data.terms) {
    let k = seen.get(term);
    if (!k) seen.set(term, (k = pinyinKeys(pinyin, term)));
    keys.push(k);
    if (performance.now() - since > BATCH_MS) {
      postMessage({ keys, done: false } satisfies PinyinReply);
      keys = [];
      since = performance.now();
    }
  }
  postMessage({ keys, done: true } satisfies PinyinReply);
};
