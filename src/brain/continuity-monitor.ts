/** Permanent invariant: every symbol gets every closed minute exactly once, from the stream or a backfill. */
import { MINUTE_MS, MinuteSet } from "../core/minute-set";
import { F, KLINE, KLINE_SOURCE_REST, MAX_SYMBOLS, UNIVERSE, UNIVERSE_ACTION } from "../ring/layout";

export class ContinuityMonitor {
  closedCandles = 0;
  fromRest = 0;
  duplicates = 0;
  /** Closes older than the first minute this run owes (never expected). */
  preStart = 0;
  symbolCount = 0;
  firstMinuteMs = NaN;
  readonly #seen = new MinuteSet(MAX_SYMBOLS);

  onUniverse(buf: Float64Array, o: number): void {
    if (buf[o + UNIVERSE.action] !== UNIVERSE_ACTION.Snapshot) return;
    this.symbolCount = Math.min(MAX_SYMBOLS, buf[o + UNIVERSE.symbolCount]!);
    this.firstMinuteMs = buf[o + UNIVERSE.firstMinuteMs]!;
    for (let id = 0; id < this.symbolCount; id++) this.#seen.start(id, this.firstMinuteMs - MINUTE_MS);
  }

  onClosed(buf: Float64Array, o: number): void {
    const id = buf[o + F.symbolId]!;
    const openMs = buf[o + KLINE.openTimeMs]!;
    if (id < 0 || id >= MAX_SYMBOLS) return;
    if (openMs < this.firstMinuteMs) {
      this.preStart++;
      return;
    }
    if (!this.#seen.add(id, openMs)) {
      this.duplicates++;
      return;
    }
    this.closedCandles++;
    if (buf[o + KLINE.source] === KLINE_SOURCE_REST) this.fromRest++;
  }

  /** Closed minutes up to `throughMs` (open time) that never arrived, over every symbol of the universe. */
  missingThrough(throughMs: number): number {
    if (!Number.isFinite(throughMs)) return 0;
    let missing = 0;
    for (let id = 0; id < this.symbolCount; id++) missing += this.#seen.missingThrough(id, throughMs);
    return missing;
  }

  /** Symbols whose contiguous history ends before `throughMs`: a live early warning, not yet a verdict. */
  lagging(throughMs: number): number {
    let n = 0;
    for (let id = 0; id < this.symbolCount; id++) if (this.#seen.watermark[id]! < throughMs) n++;
    return n;
  }
}
