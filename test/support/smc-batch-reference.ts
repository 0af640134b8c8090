/** Batch oracle of the library (docs §3.1–3.3, §3.5), written from the spec for the SMC tests; checked against the goldens. */
import type { Candles } from "./smc-csv";

export interface RefSwing {
  readonly idx: number;
  readonly dir: 1 | -1;
  readonly level: number;
}

/**
 * §3.2 with the candidate range [firstPivot, n-1-L]: the library uses firstPivot 2L-1 and bookends; the causal
 * non-compat mode corresponds to L-1 without bookends. Returns the swing list in row order.
 */
export function refSwings(c: Candles, L: number, firstPivot: number, bookends: boolean): RefSwing[] {
  const n = c.n;
  const cands: RefSwing[] = [];
  for (let i = firstPivot; i <= n - 1 - L; i++) {
    let isHigh = true;
    let isLow = true;
    for (let j = i - L + 1; j <= i + L; j++) {
      if (c.high[j]! > c.high[i]!) isHigh = false;
      if (c.low[j]! < c.low[i]!) isLow = false;
    }
    if (isHigh) cands.push({ idx: i, dir: 1, level: c.high[i]! });
    else if (isLow) cands.push({ idx: i, dir: -1, level: c.low[i]! });
  }
  // Closed form of the cleanup: per run of same-type candidates, the earliest most extreme one.
  const kept: RefSwing[] = [];
  for (const s of cands) {
    const last = kept[kept.length - 1];
    if (last === undefined || last.dir !== s.dir) kept.push(s);
    else if (s.dir === 1 ? s.level > last.level : s.level < last.level) kept[kept.length - 1] = s;
  }
  const first = kept[0];
  const end = kept[kept.length - 1];
  if (!bookends || first === undefined || end === undefined) return kept;
  const book = (idx: number, dir: 1 | -1): RefSwing => ({ idx, dir, level: dir === 1 ? c.high[idx]! : c.low[idx]! });
  return [book(0, first.dir === 1 ? -1 : 1), ...kept, book(n - 1, end.dir === 1 ? -1 : 1)];
}

export interface RefFvg {
  readonly idx: number;
  readonly dir: 1 | -1;
  readonly top: number;
  readonly bottom: number;
  /** 0 = never mitigated, as the library writes it. */
  readonly mitigated: number;
}

/** §3.1, with the optional join of adjacent same-sign gaps. */
export function refFvgs(c: Candles, join: boolean): RefFvg[] {
  const n = c.n;
  const dir = new Int8Array(n);
  const top = new Float64Array(n);
  const bottom = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    if (c.close[i]! > c.open[i]! && c.high[i - 1]! < c.low[i + 1]!) {
      dir[i] = 1;
      top[i] = c.low[i + 1]!;
      bottom[i] = c.high[i - 1]!;
    } else if (c.close[i]! < c.open[i]! && c.low[i - 1]! > c.high[i + 1]!) {
      dir[i] = -1;
      top[i] = c.low[i - 1]!;
      bottom[i] = c.high[i + 1]!;
    }
  }
  if (join) {
    for (let i = 0; i < n - 1; i++) {
      if (dir[i] !== 0 && dir[i] === dir[i + 1]) {
        top[i + 1] = Math.max(top[i]!, top[i + 1]!);
        bottom[i + 1] = Math.min(bottom[i]!, bottom[i + 1]!);
        dir[i] = 0;
      }
    }
  }
  const out: RefFvg[] = [];
  for (let i = 0; i < n; i++) {
    const d = dir[i]!;
    if (d === 0) continue;
    let mitigated = 0;
    for (let j = i + 2; j < n; j++) {
      if (d === 1 ? c.low[j]! <= top[i]! : c.high[j]! >= bottom[i]!) {
        mitigated = j;
        break;
      }
    }
    out.push({ idx: i, dir: d as 1 | -1, top: top[i]!, bottom: bottom[i]!, mitigated });
  }
  return out;
}

export interface RefStructure {
  readonly idx: number;
  readonly kind: "BOS" | "CHOCH";
  readonly dir: 1 | -1;
  readonly level: number;
  readonly brokenIndex: number;
}

/** §3.3: surviving labels only. f32: store (and break against) the level as float32, as the library does. */
export function refStructures(c: Candles, swings: readonly RefSwing[], closeBreak: boolean, f32: boolean): RefStructure[] {
  const labels = new Map<number, { kind: "BOS" | "CHOCH"; dir: 1 | -1; level: number; broken: number; live: boolean }>();
  for (let k = 3; k < swings.length; k++) {
    const [x4, x3, x2, x1] = [swings[k - 3]!, swings[k - 2]!, swings[k - 1]!, swings[k]!];
    const [l4, l3, l2, l1] = [x4.level, x3.level, x2.level, x1.level];
    let kind: "BOS" | "CHOCH" | null = null;
    if (x1.dir === 1 && x4.dir === -1) {
      if (l4 < l2 && l2 < l3 && l3 < l1) kind = "BOS";
      else if (l2 < l4 && l4 < l3 && l3 < l1) kind = "CHOCH";
    } else if (x1.dir === -1 && x4.dir === 1) {
      if (l4 > l2 && l2 > l3 && l3 > l1) kind = "BOS";
      else if (l2 > l4 && l4 > l3 && l3 > l1) kind = "CHOCH";
    }
    if (kind !== null) labels.set(x3.idx, { kind, dir: x1.dir, level: f32 ? Math.fround(l3) : l3, broken: 0, live: true });
  }
  const rows = [...labels.keys()].sort((a, b) => a - b);
  for (const p of rows) {
    const lab = labels.get(p)!;
    let j = 0;
    for (let i = p + 2; i < c.n; i++) {
      const x = lab.dir === 1 ? (closeBreak ? c.close[i]! : c.high[i]!) : closeBreak ? c.close[i]! : c.low[i]!;
      if (lab.dir === 1 ? x > lab.level : x < lab.level) {
        j = i;
        break;
      }
    }
    if (j === 0) continue;
    lab.broken = j;
    for (const k of rows) {
      const other = labels.get(k)!;
      if (k < p && other.live && other.broken >= j) other.live = false;
    }
  }
  return rows
    .map((p) => ({ p, lab: labels.get(p)! }))
    .filter(({ lab }) => lab.live && lab.broken > 0)
    .map(({ p, lab }) => ({ idx: p, kind: lab.kind, dir: lab.dir, level: lab.level, brokenIndex: lab.broken }));
}

export interface RefPool {
  readonly idx: number;
  readonly dir: 1 | -1;
  readonly level: number;
  readonly end: number;
  /** 0 = never swept. */
  readonly swept: number;
}

/** §3.5 with a given band half-width (the library's pip). */
export function refLiquidity(c: Candles, swings: readonly RefSwing[], pip: number): RefPool[] {
  const out: RefPool[] = [];
  for (const dir of [1, -1] as const) {
    const list = swings.filter((s) => s.dir === dir);
    const consumed = new Set<number>();
    for (const a of list) {
      if (consumed.has(a.idx)) continue;
      let swept = 0;
      for (let j = a.idx + 1; j < c.n; j++) {
        if (dir === 1 ? c.high[j]! >= a.level + pip : c.low[j]! <= a.level - pip) {
          swept = j;
          break;
        }
      }
      let sum = a.level;
      let count = 1;
      let end = a.idx;
      for (const m of list) {
        if (m.idx <= a.idx || consumed.has(m.idx) || (swept !== 0 && m.idx >= swept)) continue;
        if (m.level < a.level - pip || m.level > a.level + pip) continue;
        consumed.add(m.idx);
        sum += m.level;
        count++;
        end = m.idx;
      }
      if (count >= 2) out.push({ idx: a.idx, dir, level: sum / count, end, swept });
    }
  }
  return out.sort((x, y) => x.idx - y.idx);
}
