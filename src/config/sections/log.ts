/** Config section `log`: how much to log and in which format (src/ops/logger.ts applies it). */
import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace"] as const;
export const LOG_FORMATS = ["auto", "fancy", "journald", "plain"] as const;

export const logSection = z.strictObject({
  level: z.enum(LOG_LEVELS).default("info"),
  /** auto: fancy on a terminal, syslog-prefixed lines under systemd or when redirected. */
  format: z.enum(LOG_FORMATS).default("auto"),
});

export type LogConfig = z.output<typeof logSection>;
export type LogLevelName = LogConfig["level"];
export type LogFormat = LogConfig["format"];
