/** The shape every streaming indicator shares: O(1) update, NaN until warmed up, no allocation after construction. */

/**
 * update(…) takes one new input and returns the current value (also in `value`). Before `warmUp` inputs
 * have arrived the value is NaN and `ready` is false; after that it is always finite for finite inputs,
 * including flat and zero-volume stretches. reset() returns to the freshly constructed state.
 */
export interface Indicator {
  readonly value: number;
  readonly ready: boolean;
  /** Inputs needed until the first value. */
  readonly warmUp: number;
  reset(): void;
}

/** Throws unless `n` is an integer ≥ min: periods come from config, so a bad one is a startup error. */
export function checkPeriod(name: string, n: number, min = 1): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${n}`);
}
