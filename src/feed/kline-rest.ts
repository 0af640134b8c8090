/** GET /fapi/v1/klines for backfill: typed rows, weight by limit, and errors classified by Binance code and HTTP status. */
import { AegisError } from "../core/errors";
import type { RestBudget } from "./rest-budget";

/** One closed 1m candle as REST returns it (row columns 0–10). */
export interface KlineRow {
  openTimeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  closeTimeMs: number;
  quoteVolume: number;
  trades: number;
  takerBuyVolume: number;
}

export class RestError extends AegisError {
  override name = "RestError";
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | null,
    retryable: boolean,
    readonly retryAfterMs = 0,
  ) {
    super(message, retryable);
  }
}

/**
 * The least wait before retrying a REST call that threw `e` (the server's Retry-After, else 0), or null when
 * retrying cannot help. Callers add their own backoff on top.
 */
export function retryFloorMs(e: unknown): number | null {
  if (!(e instanceof RestError)) return 0;
  return e.retryable ? e.retryAfterMs : null;
}

/** Binance's weight for a klines request with this limit. */
export const klinesWeight = (limit: number): number => (limit < 100 ? 1 : limit < 500 ? 2 : limit <= 1000 ? 5 : 10);

export async function fetchKlines(
  restUrl: string,
  q: { symbol: string; startTimeMs: number; endTimeMs: number; limit: number },
  budget: RestBudget,
  timeoutMs: number,
  budgetCeiling = 1,
): Promise<KlineRow[]> {
  await budget.acquire(klinesWeight(q.limit), budgetCeiling);
  const url =
    `${restUrl}/fapi/v1/klines?symbol=${encodeURIComponent(q.symbol)}&interval=1m` +
    `&startTime=${q.startTimeMs}&endTime=${q.endTimeMs}&limit=${q.limit}`;
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new RestError(`klines ${q.symbol}: ${e instanceof Error ? e.message : String(e)}`, 0, null, true);
  }
  budget.observeUsedWeight(Number(res.headers.get("x-mbx-used-weight-1m")));
  const text = await res.text();
  if (!res.ok) throw classify(res, text, q.symbol, budget);
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    throw new RestError(`klines ${q.symbol}: response is not JSON`, res.status, null, true);
  }
  if (!Array.isArray(rows)) throw new RestError(`klines ${q.symbol}: response is not an array`, res.status, null, true);
  return rows.map(toRow).filter((r): r is KlineRow => r !== null);
}

function toRow(r: unknown): KlineRow | null {
  if (!Array.isArray(r) || r.length < 11) return null;
  const row = {
    openTimeMs: Number(r[0]),
    open: Number(r[1]),
    high: Number(r[2]),
    low: Number(r[3]),
    close: Number(r[4]),
    volume: Number(r[5]),
    closeTimeMs: Number(r[6]),
    quoteVolume: Number(r[7]),
    trades: Number(r[8]),
    takerBuyVolume: Number(r[9]),
  };
  return Object.values(row).every(Number.isFinite) ? row : null;
}

function classify(res: Response, body: string, symbol: string, budget: RestBudget): RestError {
  let code: number | null = null;
  let msg = body.slice(0, 200);
  try {
    const j = JSON.parse(body) as { code?: number; msg?: string };
    code = typeof j.code === "number" ? j.code : null;
    msg = j.msg ?? msg;
  } catch {
    // Non-JSON bodies come from proxies and WAFs; the HTTP status decides.
  }
  const what = `klines ${symbol}: HTTP ${res.status}${code === null ? "" : ` code ${code}`} ${msg}`;
  if (res.status === 429 || res.status === 418) {
    // Retry-After when present; else the ban time in -1003's text; else back off a full minute.
    const header = Number(res.headers.get("retry-after"));
    const until = /banned until (\d+)/.exec(msg);
    const waitMs = Number.isFinite(header) && header > 0 ? header * 1000 : until ? Number(until[1]) - Date.now() : 60_000;
    budget.banFor(Math.max(1000, waitMs));
    return new RestError(what, res.status, code, true, waitMs);
  }
  if (res.status >= 500 || code === -1001 || code === -1007 || code === -1008) return new RestError(what, res.status, code, true);
  return new RestError(what, res.status, code, false);
}
