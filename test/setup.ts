/** Test preload: bunfig's [test] timeout is ignored by Bun 1.4.5, so the default is set here. */
import { setDefaultTimeout } from "bun:test";

setDefaultTimeout(30_000);
