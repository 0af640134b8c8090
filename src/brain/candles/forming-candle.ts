/** The latest update of a symbol's still-open 1m candle: what stop and target checks look at between closes. */

export class FormingCandle {
  /** NaN until the first update. */
  openTimeMs = NaN;
  open = 0;
  high = 0;
  low = 0;
  close = 0;
  volume = 0;
  quoteVolume = 0;
  trades = 0;
  takerBuyVolume = 0;
  /** Updates taken (not reset at a new minute). */
  updates = 0;

  set(
    openTimeMs: number,
    open: number,
    high: number,
    low: number,
    close: number,
    volume: number,
    quoteVolume: number,
    trades: number,
    takerBuyVolume: number,
  ): void {
    this.openTimeMs = openTimeMs;
    this.open = open;
    this.high = high;
    this.low = low;
    this.close = close;
    this.volume = volume;
    this.quoteVolume = quoteVolume;
    this.trades = trades;
    this.takerBuyVolume = takerBuyVolume;
    this.updates++;
  }
}
