/** Causal SMC state views agree, after every candle, with the state rebuilt from the events emitted so far. */
import { expect, test } from "bun:test";
import { SmcDetector, type SmcEvent } from "../../../src/brain/smc/causal/smc-detector";
import { randomCandles, randomOptions, seededRandom } from "../../support/smc-random";

const sorted = (rows: (string | number)[][]): string => JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());

/** The views' contents minus single-member liquidity anchors, which no event announces. */
function fromViews(d: SmcDetector): string[] {
  const f = d.fvgs;
  const o = d.orderBlocks;
  const l = d.liquidity;
  const fvgs = Array.from({ length: f.count }, (_, k) => [f.idx(k), f.startIdx(k), f.dir(k), f.top(k), f.bottom(k)]);
  const obs = Array.from({ length: o.count }, (_, k) => [
    o.idx(k), o.dir(k), o.top(k), o.bottom(k), o.createdAt(k), o.swingIdx(k), o.breakerAt(k),
  ]);
  const pools = Array.from({ length: l.count }, (_, k) => k)
    .filter((k) => l.members(k) >= 2)
    .map((k) => [l.idx(k), l.dir(k), l.level(k), l.anchorLevel(k), l.band(k), l.members(k), l.end(k), l.swept(k)]);
  const scalars = [d.swingHighIdx, d.swingHighLevel, d.swingLowIdx, d.swingLowLevel, d.trend, d.trendIdx];
  return [sorted(fvgs), sorted(obs), sorted(pools), JSON.stringify(scalars)];
}

/** Live structures as the event stream describes them. Swept pools stay in the view until a later swing retires them. */
class FromEvents {
  fvgs = new Map<number, (string | number)[]>();
  obs = new Map<string, (string | number)[]>();
  pools = new Map<number, (string | number)[]>();
  high: [number, number] = [-1, Number.NaN];
  low: [number, number] = [-1, Number.NaN];
  trend: [number, number] = [0, -1];

  take(e: SmcEvent): void {
    switch (e.kind) {
      case "FVG":
        this.fvgs.set(e.idx, [e.idx, e.idx, e.dir, e.top, e.bottom]);
        break;
      case "FVG_EXTENDED":
        this.fvgs.delete(e.prevIdx);
        this.fvgs.set(e.idx, [e.idx, e.startIdx, e.dir, e.top, e.bottom]);
        break;
      case "FVG_MITIGATED":
        this.fvgs.delete(e.idx);
        break;
      case "OB_CREATED":
        this.obs.set(`${e.dir}:${e.idx}`, [e.idx, e.dir, e.top, e.bottom, e.at, e.swingIdx, -1]);
        break;
      case "OB_BREAKER":
        this.obs.get(`${e.dir}:${e.idx}`)![6] = e.at;
        break;
      case "OB_INVALIDATED":
        this.obs.delete(`${e.dir}:${e.idx}`);
        break;
      case "LIQ_POOL":
      case "LIQ_EXTEND":
      case "LIQ_SWEPT":
        this.pools.set(e.idx, [e.idx, e.dir, e.level, e.anchorLevel, e.band, e.members, e.end, e.swept]);
        break;
      case "SWING":
      case "SWING_REPLACED":
      case "SWING_FINAL":
        if (e.kind !== "SWING_FINAL" || e.bookend) {
          if (e.dir === 1) this.high = [e.idx, e.level];
          else this.low = [e.idx, e.level];
        }
        break;
      case "BOS":
      case "CHOCH":
        this.trend = [e.dir, e.idx];
        break;
      default:
        break;
    }
  }

  /** Pools the view no longer lists must be swept ones (retired); everything else must match exactly. */
  state(viewPools: string): string[] {
    const listed = new Set((JSON.parse(viewPools) as string[]).map((r) => (JSON.parse(r) as number[])[0]));
    const pools = [...this.pools.values()].filter((p) => listed.has(p[0] as number) || (p[7] as number) < 0);
    return [
      sorted([...this.fvgs.values()]), sorted([...this.obs.values()]), sorted(pools),
      JSON.stringify([this.high[0], this.high[1], this.low[0], this.low[1], this.trend[0], this.trend[1]]),
    ];
  }
}

test("views = state rebuilt from events, after every candle of 150 seeded walks", () => {
  for (let seed = 1; seed <= 150; seed++) {
    const rnd = seededRandom(seed * 131);
    const c = randomCandles(seed, 300);
    const opts = randomOptions(rnd, c.tick);
    const model = new FromEvents();
    const d = new SmcDetector(opts, { onSmcEvent: (e) => model.take(e) });
    for (let i = 0; i < c.n; i++) {
      d.push(c.open[i]!, c.high[i]!, c.low[i]!, c.close[i]!, c.volume[i]!, c.timeMs[i]!);
      const view = fromViews(d);
      const want = model.state(view[2]!);
      if (JSON.stringify(view) !== JSON.stringify(want)) {
        expect({ seed, t: i, view }).toEqual({ seed, t: i, view: want });
      }
    }
  }
}, 20_000);
