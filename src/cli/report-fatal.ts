/** Turns an error that reached the top into a message and an exit code: 78 bad config, 64 bad usage, 1 otherwise. */
import { AegisError, ConfigError, EXIT_CONFIG, EXIT_FAILURE, EXIT_USAGE, UsageError } from "../core/errors";
import { log } from "../ops/logger";

export function reportFatal(e: unknown): number {
  if (e instanceof ConfigError) {
    process.stderr.write(e.message.endsWith("\n") ? e.message : e.message + "\n");
    return EXIT_CONFIG;
  }
  if (e instanceof UsageError) {
    process.stderr.write(`aegis: ${e.message}\n`);
    return EXIT_USAGE;
  }
  // An error that says retrying cannot help is an operator message, not a bug: no stack trace (as the engine does).
  if (e instanceof AegisError && !e.retryable) log.error(`${e.name}: ${e.message}`);
  else log.error(e);
  return EXIT_FAILURE;
}
