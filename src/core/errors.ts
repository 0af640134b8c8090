/** Error roots: every error says whether retrying can help. Names are literal because minification renames classes. */

export class AegisError extends Error {
  override name = "AegisError";
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Configuration is invalid; the process exits 78 (EX_CONFIG) and systemd does not restart it. */
export class ConfigError extends AegisError {
  override name = "ConfigError";
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message, false);
  }
}

/** A shared ring buffer does not have the layout this build expects. */
export class RingLayoutError extends AegisError {
  override name = "RingLayoutError";
  constructor(message: string) {
    super(message, false);
  }
}

/** A command-line usage problem: unknown flag, missing value, unknown command. */
export class UsageError extends AegisError {
  override name = "UsageError";
  constructor(message: string) {
    super(message, false);
  }
}

/** Exit codes from sysexits.h that systemd's unit relies on. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 64;
export const EXIT_CONFIG = 78;
