/** Feed thread entry: everything lives in ordinary modules that tests load on the main thread. */
import { serveWorker } from "../ops/worker-runtime";
import { buildFeed } from "./feed-app";

serveWorker("feed", buildFeed);
