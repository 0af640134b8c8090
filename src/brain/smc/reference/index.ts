/** SMC reference mode: a faithful port of smartmoneyconcepts 0.0.27 for golden tests and charts only (never signals, §5). */
export { bosChoch, type BosChochResult } from "./bos-choch";
export { fvg, type FvgResult } from "./fvg";
export { goldenCalls, type ReferenceTable } from "./golden-calls";
export { columnKind, compareCsvWithGolden, compareTableWithGolden, type ColumnKind, type GoldenComparison } from "./golden-compare";
export { liquidity, type LiquidityResult } from "./liquidity";
export { orderBlocks, type OrderBlockResult } from "./order-blocks";
export { previousHighLow, type PreviousHighLowResult } from "./previous-high-low";
export { formatCell, type Column } from "./python-repr";
export { pythonRound1 } from "./python-round";
export { retracements, type RetracementsResult } from "./retracements";
export { SESSION_WINDOWS, sessions, type SessionOptions, type SessionsResult } from "./sessions";
export { swingHighsLows, type SwingResult } from "./swing-highs-lows";
export { parseTimeFrame, type TimeFrame } from "./time-buckets";
