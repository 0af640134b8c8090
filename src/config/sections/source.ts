/** Config section `source`: where market events come from (the exchange, or a heartbeat for diagnostics). */
import { z } from "zod";

export const sourceSection = z.strictObject({
  kind: z.enum(["heartbeat", "exchange"]).default("exchange"),
  /** Events per second the heartbeat source emits; ignored for `exchange`. */
  rateHz: z.number().positive().max(10_000_000).default(1000),
});

export type SourceConfig = z.output<typeof sourceSection>;
