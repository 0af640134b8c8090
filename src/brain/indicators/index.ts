/** Streaming indicators (O(1) per update, no allocation) and their batch forms. */
export { Atr, atr, trueRange } from "./atr";
export { Ema, ema } from "./ema";
export { EmaSlope, emaSlope } from "./ema-slope";
export type { Indicator } from "./indicator";
export { RollingMax, RollingMin, rollingMax, rollingMin } from "./rolling-extreme";
export { Rsi, rsi } from "./rsi";
export { Sma, sma } from "./sma";
export { VolumeZScore, volumeZScore } from "./volume-zscore";
export { WilderAverage, wilderAverage } from "./wilder-average";
