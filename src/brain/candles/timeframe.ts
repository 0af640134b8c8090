/** Candle timeframes: TF ids index TF_MS and each symbol's series; 5m/15m/1h are built from closed 1m candles. */
import { MINUTE_MS } from "../../core/minute-set";

export const TF = { M1: 0, M5: 1, M15: 2, H1: 3 } as const;
export type Timeframe = (typeof TF)[keyof typeof TF];
export const TF_MS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, 60 * MINUTE_MS] as const;
export const TF_NAMES = ["1m", "5m", "15m", "1h"] as const;
export { MINUTE_MS };
