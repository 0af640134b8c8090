import { expect, test } from "bun:test";
import { StatsTotals } from "../../src/ops/stats-totals";

test("counters add up over a worker's incarnations; the gauges it declared keep the latest value", () => {
  const t = new StatsTotals();
  t.newIncarnation("feed", ["backlog"]);
  t.update("feed", { messages: 10, backlog: 7 });
  t.update("feed", { messages: 25, backlog: 3 }); // a later report of the same incarnation replaces the earlier
  t.newIncarnation("feed", ["backlog"]); // restarted
  t.update("feed", { messages: 5, backlog: 1 });
  t.update("brain", { records: 4, backlog: 9 });
  expect(t.sum()).toEqual({ feed: { messages: 30, backlog: 1 }, brain: { records: 4, backlog: 9 } });
});
