/** The configuration schema: the single source of truth for keys, types, defaults and env names. */
import { z } from "zod";
import { exchangeSection } from "./sections/exchange";
import { feedSection } from "./sections/feed";
import { logSection } from "./sections/log";
import { ringSection } from "./sections/ring";
import { sourceSection } from "./sections/source";
import { strategySection } from "./sections/strategy";
import { supervisorSection } from "./sections/supervisor";

// A new domain adds one file under sections/ and one line here; env names follow from the shape.
// `.prefault({})` (not `.default`) so a missing section still gets its inner defaults.
export const configSchema = z.strictObject({
  // The loader puts $STATE_DIRECTORY (set by systemd's StateDirectory=) in front of this default.
  stateDir: z.string().min(1).default("./state"),
  log: logSection.prefault({}),
  ring: ringSection.prefault({}),
  supervisor: supervisorSection.prefault({}),
  source: sourceSection.prefault({}),
  exchange: exchangeSection.prefault({}),
  feed: feedSection.prefault({}),
  strategy: strategySection.prefault({}),
});

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
