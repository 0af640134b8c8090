/** OHLCV candles of one symbol and timeframe as parallel typed arrays; row i is the i-th candle by open time. */

export interface Ohlc {
  /** Candle open time, epoch ms UTC. */
  readonly timeMs: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
}
