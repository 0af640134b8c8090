/** GET /fapi/v1/time: the exchange's clock, which starts the run (exchangeInfo's serverTime can be days stale). */
import { RestError } from "./kline-rest";
import type { RestBudget } from "./rest-budget";

export async function fetchServerTime(restUrl: string, budget: RestBudget, timeoutMs: number): Promise<number> {
  await budget.acquire(1);
  const res = await fetch(`${restUrl}/fapi/v1/time`, { signal: AbortSignal.timeout(timeoutMs) });
  budget.observeUsedWeight(Number(res.headers.get("x-mbx-used-weight-1m")));
  const body = (await res.json().catch(() => null)) as { serverTime?: unknown } | null;
  const t = Number(body?.serverTime);
  if (!res.ok || !Number.isFinite(t) || t <= 0) throw new RestError(`GET /fapi/v1/time: HTTP ${res.status}, no serverTime`, res.status, null, true);
  return t;
}
