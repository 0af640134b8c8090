import { expect, test } from "bun:test";
import { WorkerSupervisor } from "../../src/ops/supervisor";
import type { InitWorker } from "../../src/ops/worker-protocol";

test("a worker that keeps crashing is restarted with backoff, then given up on", async () => {
  let gaveUp = "";
  let inits = 0;
  const sup = new WorkerSupervisor("brain", new URL("../support/crashing.worker.ts", import.meta.url),
    { maxRestarts: 2, backoffInitialMs: 10, backoffMaxMs: 20 }, {
      init: (incarnation) => {
        inits++;
        return { type: "InitWorker", incarnation } as unknown as InitWorker;
      },
      onMessage: () => {},
      onGiveUp: (_role, reason) => (gaveUp = reason),
    });
  sup.start();
  const t0 = performance.now();
  while (!gaveUp && performance.now() - t0 < 10_000) await Bun.sleep(10);
  expect(inits).toBe(3);
  expect(sup.restarts).toBe(2);
  expect(gaveUp).toContain("brain worker crashed 3 times in a row");
  expect(gaveUp).toContain("boom from crashing.worker");
});
