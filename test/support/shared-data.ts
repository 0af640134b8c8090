/** Where the real Binance data lives: ../shared/data beside the project, resolved from this file so any cwd works. */
import { join } from "node:path";

export const SHARED_DATA = join(import.meta.dir, "../../../shared/data");

/** A path under ../shared/data. */
export const sharedData = (...parts: string[]): string => join(SHARED_DATA, ...parts);
