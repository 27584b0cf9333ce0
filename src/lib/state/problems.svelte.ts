/**
 * What went wrong that the user must know about: a data file, the map, a part of the app that did
 * not load, a bad config.json. Shown together over the map; some offer a reload, the retry for a
 * part of the app that a redeploy or a dropped network took away.
 */
export interface Problem {
  message: string;
  /** Offer "reload the page" as the way to retry. */
  reload: boolean;
  /** Another way out, e.g. back to the built-in basemap (it also dismisses the problem). */
  action?: { label: string; run: () => void };
}

export class Problems {
  list = $state<Problem[]>([]);

  add(message: string, reload = false, action?: Problem['action']): void {
    if (!this.list.some((p) => p.message === message)) this.list.push({ message, reload, action });
  }

  dismiss(i: number): void {
    this.list.splice(i, 1);
  }
}

export const problems = new Problems();
