/** Request/response over postMessage between the ring bench and its long-lived workers; a worker failure rejects. */

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Main side: one worker, many sequential commands. Any error or close event fails every pending command. */
export class BenchWorker {
  readonly worker: Worker;
  readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #nextId = 1;
  #failure: Error | null = null;
  #stopping = false;

  constructor(url: URL, readonly name: string) {
    this.worker = new Worker(url);
    this.worker.addEventListener("message", (e: MessageEvent<Reply>) => {
      const reply = e.data;
      const waiter = this.#pending.get(reply.id);
      if (!waiter) return;
      this.#pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(new Error(`${name}: ${reply.error}`));
    });
    this.worker.addEventListener("error", (e: ErrorEvent) => this.#fail(new Error(`${name}: worker error: ${e.message}`)));
    this.worker.addEventListener("close", (e: Event) => {
      if (!this.#stopping) this.#fail(new Error(`${name}: worker closed (code ${(e as CloseEvent).code})`));
    });
  }

  /** Sends one command; `transfer` moves ports or buffers. */
  call<T>(cmd: Record<string, unknown>, transfer: Bun.Transferable[] = []): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...cmd, id }, transfer);
    });
  }

  stop(): void {
    this.#stopping = true;
    this.worker.terminate();
  }

  #fail(err: Error): void {
    this.#failure ??= err;
    for (const waiter of this.#pending.values()) waiter.reject(err);
    this.#pending.clear();
  }
}

/** Worker side: dispatches `{ cmd, id, … }` to a handler and replies with its result or error. */
export function serveCommands(handlers: Record<string, (msg: any) => unknown>): void {
  self.onmessage = async (e: MessageEvent<{ cmd: string; id: number }>) => {
    const { cmd, id } = e.data;
    let reply: Reply;
    try {
      const handler = handlers[cmd];
      if (!handler) throw new Error(`unknown command ${cmd}`);
      reply = { id, ok: true, result: await handler(e.data) };
    } catch (err) {
      reply = { id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ""}` : String(err) };
    }
    postMessage(reply);
  };
}
