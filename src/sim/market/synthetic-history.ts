/**
 * Closed 1m history before the start, from the same price dynamics with a few sub-steps per minute and one
 * volume draw per minute: 600 symbols × 600 minutes must not hold up startup.
 */
import type { Prng } from "../prng";
import type { CandleBook } from "./candle-book";
import { MINUTE_MS } from "../../core/minute-set";
import type { PriceDynamics } from "./price-dynamics";

const MAX_STEPS = 6;

export function generateHistory(
  book: CandleBook,
  dyn: PriceDynamics,
  rng: Prng,
  nextTradeId: Float64Array,
  span: { fromMs: number; minutes: number; emptyProbability: number },
): void {
  const close = Float64Array.from(dyn.x, (x, i) => dyn.price(i, x));
  for (let m = 0; m < span.minutes; m++) {
    book.minuteOpen = span.fromMs + m * MINUTE_MS;
    for (let i = 0; i < book.n; i++) {
      dyn.minute(i);
      book.openFlat(i, close[i]!);
      if (rng.next() < span.emptyProbability) {
        book.closeForming(i);
        continue;
      }
      const mean = dyn.updatesPerMinute(i);
      const updates = Math.max(1, Math.round(mean + Math.sqrt(mean) * rng.normal()));
      const steps = Math.min(updates, MAX_STEPS);
      const weight = updates / steps;
      let o = 0, h = 0, l = 0, c = 0;
      for (let k = 0; k < steps; k++) {
        c = dyn.price(i, dyn.step(i, weight));
        if (k === 0) o = h = l = c;
        else if (c > h) h = c;
        else if (c < l) l = c;
      }
      // one size draw for the minute's trades: the sum of log-normal sizes is close to log-normal
      const step = book.specs[i]!.stepSize;
      const v = Math.max(1, Math.round((dyn.quantity(i, c) * updates) / step)) * step;
      const buy = Math.round((v * (0.3 + 0.4 * rng.next())) / step) * step;
      const trades = Math.max(1, Math.round(updates * (1.2 + rng.next())));
      const vwap = (o + h + l + c) / 4;
      book.o[i] = o;
      book.h[i] = h;
      book.l[i] = l;
      book.c[i] = c;
      book.v[i] = v;
      book.q[i] = v * vwap;
      book.V[i] = buy;
      book.Q[i] = buy * vwap;
      book.trades[i] = trades;
      book.f[i] = nextTradeId[i]!;
      book.L[i] = nextTradeId[i]! + trades - 1;
      nextTradeId[i]! += trades;
      book.closeForming(i);
      close[i] = c;
    }
  }
}
