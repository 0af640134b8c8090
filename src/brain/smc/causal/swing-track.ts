/** One accepted swing with its incremental trackers, so structures older than the candle ring resolve exactly. */
import type { CandleHistory } from "./candle-history";

/**
 * Trackers (docs §6.1), each fed every candle after the swing's row while the swing is live:
 * - breakAt: first row >= idx+2 whose close (or high/low) is beyond level, for BOS/CHOCH;
 * - sweptAt: first row > idx reaching level ± band, for liquidity;
 * - ext/extIdx/extPeer: the opposite extreme after the row (lowest low of a high, highest high of a low; latest
 *   row on ties) and the other price of that row, for the order-block zone. It lags one candle behind the others
 *   because the crossing test on candle t must see rows idx+1 … t-1 only.
 */
export class SwingTrack {
  idx = -1;
  dir: 1 | -1 = 1;
  level = Number.NaN;
  /** Liquidity band half-width, frozen when the swing was accepted. */
  band = 0;
  /** Price the break tracker compares with: level, or its float32 rounding in compat mode (see reset). */
  breakLevel = Number.NaN;
  breakAt = -1;
  sweptAt = -1;
  ext = Number.NaN;
  extIdx = -1;
  extPeer = Number.NaN;
  /** An order block has been created off this swing (the reference's crossed[s]). */
  crossed = false;
  /** A BOS/CHOCH pattern with this swing as X3 has been armed. */
  armed = false;

  /**
   * f32Break: compare breaks with Math.fround(level). The library stores BOS levels as float32 and tests closes
   * against that (docs §2: 27 golden rows depend on it); only compat mode asks for it, to match the goldens.
   */
  reset(idx: number, dir: 1 | -1, level: number, band: number, f32Break: boolean): this {
    this.idx = idx;
    this.dir = dir;
    this.level = level;
    this.band = band;
    this.breakLevel = f32Break ? Math.fround(level) : level;
    this.breakAt = -1;
    this.sweptAt = -1;
    this.ext = Number.NaN;
    this.extIdx = -1;
    this.extPeer = Number.NaN;
    this.crossed = false;
    this.armed = false;
    return this;
  }

  /** Break and sweep trackers see candle j (> idx). */
  observe(h: CandleHistory, j: number, closeBreak: boolean): void {
    const breakable = this.breakAt < 0 && j >= this.idx + 2;
    if (this.dir === 1) {
      if (breakable && (closeBreak ? h.close(j) : h.high(j)) > this.breakLevel) this.breakAt = j;
      if (this.sweptAt < 0 && h.high(j) >= this.level + this.band) this.sweptAt = j;
    } else {
      if (breakable && (closeBreak ? h.close(j) : h.low(j)) < this.breakLevel) this.breakAt = j;
      if (this.sweptAt < 0 && h.low(j) <= this.level - this.band) this.sweptAt = j;
    }
  }

  /** The zone tracker takes candle j (> idx) after that candle's crossing test. */
  absorb(h: CandleHistory, j: number): void {
    if (this.dir === 1) {
      const low = h.low(j);
      if (this.extIdx < 0 || low <= this.ext) {
        this.ext = low;
        this.extIdx = j;
        this.extPeer = h.high(j);
      }
    } else {
      const high = h.high(j);
      if (this.extIdx < 0 || high >= this.ext) {
        this.ext = high;
        this.extIdx = j;
        this.extPeer = h.low(j);
      }
    }
  }

  /** Catches a swing accepted at candle t up: rows idx+1 … t (zone: … t-1); at most L rows, all in the ring. */
  catchUp(h: CandleHistory, t: number, closeBreak: boolean): void {
    for (let j = this.idx + 1; j <= t; j++) {
      this.observe(h, j, closeBreak);
      if (j < t) this.absorb(h, j);
    }
  }
}
