/** Config section `strategy`: the SMC setup (sweep → change of character → retrace) and the signal threshold. */
import { z } from "zod";

export const strategySection = z.strictObject({
  /** Timeframe the structure is read on; 15m and 1h give the trend filter. */
  timeframe: z.enum(["1m", "5m", "15m"]).default("5m"),
  /** Candles each side of a swing pivot (the SMC library's swing_length). */
  swingLength: z.int().min(1).max(50).default(5),
  /** A candidate becomes a signal at or above this confidence. */
  minConfidence: z.number().min(0).max(1).default(0.6),
  minRewardRisk: z.number().min(0.5).max(20).default(1.5),
  /** Candles after a sweep within which the structure must shift for the setup to stand. */
  sweepToShiftCandles: z.int().min(1).max(200).default(20),
  /** How long the entry order of a signal stays valid, in strategy candles. */
  entryValidCandles: z.int().min(1).max(200).default(12),
  /** Stop placed this many ATRs beyond the swept extreme or the zone. */
  stopBufferAtr: z.number().min(0).max(5).default(0.1),
});

export type StrategyConfig = z.output<typeof strategySection>;
