/** Spawns a test/bench worker and turns its one result message, error event or early close into a promise. */

/** What every ring test worker posts exactly once: its result, or the failure it caught. */
export type WorkerReply<T> = { ok: true; result: T } | { ok: false; error: string };

export interface RunningWorker<T> {
  readonly worker: Worker;
  /** Resolves with the worker's result; rejects on its error, an early close, or `timeoutMs`. */
  readonly result: Promise<T>;
}

/** Starts `url` with `init` as its first message. Worker errors are otherwise silent (docs/bun-notes.md §4). */
export function startWorker<T>(url: URL, init: unknown, timeoutMs: number): RunningWorker<T> {
  const worker = new Worker(url);
  const name = url.pathname.split("/").pop() ?? "worker";
  const result = new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new Error(`${name}: no result within ${timeoutMs} ms`)));
      worker.terminate();
    }, timeoutMs);
    worker.addEventListener("message", (e: MessageEvent<WorkerReply<T>>) => {
      const reply = e.data;
      settle(() => (reply.ok ? resolve(reply.result) : reject(new Error(`${name}: ${reply.error}`))));
    });
    worker.addEventListener("error", (e: ErrorEvent) => {
      settle(() => reject(new Error(`${name}: worker error: ${e.message}`)));
    });
    worker.addEventListener("close", (e: Event) => {
      const code = (e as CloseEvent).code;
      settle(() => reject(new Error(`${name}: closed (code ${code}) before posting a result`)));
    });
  });
  worker.postMessage(init);
  return { worker, result };
}

/** Inside a worker: runs `body` on the init message and posts its result or its error. */
export function serveOnce<I, T>(body: (init: I) => T | Promise<T>): void {
  self.onmessage = async (e: MessageEvent<I>) => {
    let reply: WorkerReply<T>;
    try {
      reply = { ok: true, result: await body(e.data) };
    } catch (err) {
      reply = { ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ""}` : String(err) };
    }
    postMessage(reply);
  };
}
