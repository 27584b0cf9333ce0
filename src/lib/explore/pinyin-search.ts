/**
 * Gives a search index the pinyin of its terms, from a worker (pinyin.worker.ts) started the first
 * time a query has Latin letters: the pinyin dictionary is large, and most searches are in Chinese.
 * Matches by pinyin grow as the batches arrive. A worker that fails to load (a tab left open across
 * a redeploy) is reported like any part of the app that did not load, and the next query tries again.
 */
import type { SearchIndex } from './search-index.ts';
import type { PinyinReply, PinyinRequest } from './pinyin.worker.ts';
import { reportFailure } from '../data/report.ts';

const started = new WeakSet<SearchIndex>();

/** Starts working out the pinyin of `index` (once); `onbatch` runs as each batch is added. */
export function loadPinyin(index: SearchIndex, onbatch: () => void): void {
  if (started.has(index)) return;
  started.add(index);
  const worker = new Worker(new URL('./pinyin.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<PinyinReply>) => {
    index.addPinyin(e.data.keys);
    if (e.data.done) worker.terminate();
    onbatch();
  };
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    started.delete(index);
    reportFailure({ kind: 'part' });
  };
  // From the first term without keys: a retry goes on where a failed worker stopped.
  worker.postMessage({ terms: index.terms.slice(index.pinyinKnown) } satisfies PinyinRequest);
}
