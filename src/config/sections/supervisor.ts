/** Config section `supervisor`: how crashed workers are restarted and how long a stop may take. */
import { z } from "zod";

export const supervisorSection = z
  .strictObject({
    maxRestarts: z.int().min(0).default(5),
    // At least 1 ms: a zero initial backoff doubles to zero and restarts in a tight loop.
    backoffInitialMs: z.int().min(1).default(500),
    backoffMaxMs: z.int().min(1).default(30_000),
    // Below systemd's default TimeoutStopSec (30 s), so workers stop cleanly before SIGKILL.
    stopTimeoutMs: z.int().min(1).max(25_000).default(4000),
  })
  // Runs only once the fields are valid (zod skips object refinements while the base has issues).
  .refine((s) => s.backoffMaxMs >= s.backoffInitialMs, {
    path: ["backoffMaxMs"],
    message: "must be >= supervisor.backoffInitialMs",
  });

export type SupervisorConfig = z.output<typeof supervisorSection>;
