/**
 * How modules that load things on demand report a failure the user must see, without depending on
 * the UI: the app sets the reporter at start (it shows the message, with a reload where that is the
 * retry). Plain TypeScript, so that these modules stay testable outside Svelte.
 */
export type Failure = { kind: 'part' } | { kind: 'config'; why: string };

let reporter: (f: Failure) => void = () => {};

export function setFailureReporter(r: (f: Failure) => void): void {
  reporter = r;
}

export const reportFailure = (f: Failure): void => reporter(f);
