/** The eleven calls behind the upstream golden files (§4), as named tables in the files' column order. */
import type { Ohlc } from "../ohlc";
import { bosChoch } from "./bos-choch";
import { fvg } from "./fvg";
import { liquidity } from "./liquidity";
import { orderBlocks } from "./order-blocks";
import { previousHighLow } from "./previous-high-low";
import type { Column } from "./python-repr";
import { retracements } from "./retracements";
import { sessions } from "./sessions";
import { swingHighsLows } from "./swing-highs-lows";

export interface ReferenceTable {
  /** File name of the matching golden file, e.g. "fvg_result_data.csv". */
  file: string;
  /** [header, values] in the golden file's column order. */
  columns: [string, Column][];
}

/** Runs every §4 call on the candles; `swingLength` is 5 for the goldens. */
export function goldenCalls(ohlc: Ohlc, swingLength = 5): ReferenceTable[] {
  const swings = swingHighsLows(ohlc, swingLength);
  const fvgTable = (file: string, join: boolean): ReferenceTable => {
    const r = fvg(ohlc, join);
    return { file, columns: [["FVG", r.fvg], ["Top", r.top], ["Bottom", r.bottom], ["MitigatedIndex", r.mitigatedIndex]] };
  };
  const phl = (tf: string): ReferenceTable => {
    const r = previousHighLow(ohlc, tf);
    const columns: [string, Column][] = [
      ["PreviousHigh", r.previousHigh],
      ["PreviousLow", r.previousLow],
      ["BrokenHigh", r.brokenHigh],
      ["BrokenLow", r.brokenLow],
    ];
    return { file: `previous_high_low_result_data_${tf}.csv`, columns };
  };
  const bos = bosChoch(ohlc, swings);
  const ob = orderBlocks(ohlc, swings);
  const liq = liquidity(ohlc, swings);
  const ses = sessions(ohlc, "London");
  const ret = retracements(ohlc, swings);
  return [
    fvgTable("fvg_result_data.csv", false),
    fvgTable("fvg_consecutive_result_data.csv", true),
    { file: "swing_highs_lows_result_data.csv", columns: [["HighLow", swings.highLow], ["Level", swings.level]] },
    {
      file: "bos_choch_result_data.csv",
      columns: [["BOS", bos.bos], ["CHOCH", bos.choch], ["Level", bos.level], ["BrokenIndex", bos.brokenIndex]],
    },
    {
      file: "ob_result_data.csv",
      columns: [
        ["OB", ob.ob],
        ["Top", ob.top],
        ["Bottom", ob.bottom],
        ["OBVolume", ob.obVolume],
        ["MitigatedIndex", ob.mitigatedIndex],
        ["Percentage", ob.percentage],
      ],
    },
    {
      file: "liquidity_result_data.csv",
      columns: [["Liquidity", liq.liquidity], ["Level", liq.level], ["End", liq.end], ["Swept", liq.swept]],
    },
    phl("4h"),
    phl("1D"),
    phl("W"),
    { file: "sessions_result_data.csv", columns: [["Active", ses.active], ["High", ses.high], ["Low", ses.low]] },
    {
      file: "retracements_result_data.csv",
      columns: [
        ["Direction", ret.direction],
        ["CurrentRetracement%", ret.currentRetracement],
        ["DeepestRetracement%", ret.deepestRetracement],
      ],
    },
  ];
}
