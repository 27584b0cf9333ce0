/**
 * A part of the app loaded on demand (the reader, the embed dialog, export, pinyin). A failed load,
 * e.g. a tab left open across a redeploy whose chunks are gone, is reported (with a reload to retry)
 * and the next use tries again, rather than failing silently.
 */
import { reportFailure } from './report.ts';

export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = null;
      reportFailure({ kind: 'part' });
      throw e;
    }));
}
