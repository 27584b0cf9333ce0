/**
 * The details of the chosen place (its passages, evidence and full geometry), fetched when it is
 * chosen: loading, loaded or failed, for the one place chosen now (an answer for a place chosen
 * before is dropped).
 */
import type { PlaceDetail, PlaceSummary } from '../contracts/places.ts';
import { detailOf } from './details.ts';

export interface DetailState {
  id: string;
  /** Absent while it loads, or when it failed. */
  detail?: PlaceDetail;
  /** Why it failed, readably (the file and what went wrong). */
  error?: string;
}

export class ChosenDetail {
  #state = $state.raw<DetailState | null>(null);
  #for: string | null = null;

  /** Follows the chosen place: fetches its details when it changes. */
  follow(p: PlaceSummary | undefined): void {
    if (!p) this.#for = null;
    else if (p.id !== this.#for) this.load(p);
  }

  /** Fetches (again, after a failure) the details of `p`. */
  load(p: PlaceSummary): void {
    const id = p.id;
    this.#for = id;
    this.#state = { id };
    detailOf(p).then(
      (detail) => {
        if (this.#for === id) this.#state = { id, detail };
      },
      (e: Error) => {
        if (this.#for === id) this.#state = { id, error: e.message };
      },
    );
  }

  /** The state for `id` (null for another place). */
  of(id: string | undefined): DetailState | null {
    const s = this.#state;
    return s && s.id === id ? s : null;
  }
}
