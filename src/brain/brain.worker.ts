/** Brain thread entry: everything lives in ordinary modules that tests load on the main thread. */
import { serveWorker } from "../ops/worker-runtime";
import { buildBrain } from "./brain-app";

serveWorker("brain", buildBrain);
