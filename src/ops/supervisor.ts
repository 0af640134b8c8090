/** Keeps one worker alive: any error or close we did not ask for is a crash, restarted with backoff until the limit. */
import { Backoff } from "../core/backoff";
import { log } from "./logger";
import type { FromWorker, InitWorker, StopWorker, ToWorker, WorkerRole } from "./worker-protocol";

export interface RestartPolicy {
  maxRestarts: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
}

export interface SupervisorHooks {
  init(incarnation: number): InitWorker;
  onMessage(msg: FromWorker): void;
  /** Called once when the worker crashed more than maxRestarts times in a row. */
  onGiveUp(role: WorkerRole, reason: string): void;
}

/** A worker that ran this long before crashing was healthy: its crash streak starts over. */
const STABLE_RUN_MS = 60_000;

export class WorkerSupervisor {
  restarts = 0;
  #worker: Worker | null = null;
  #incarnation = 0;
  #stopping = false;
  #gaveUp = false;
  #startedAt = 0;
  #lastError = "";
  /** The worker said a restart cannot help (e.g. bad credentials, the exchange unreachable at startup). */
  #hopeless = false;
  #restartTimer: ReturnType<typeof setTimeout> | null = null;
  #closed: (() => void) | null = null;
  readonly #backoff: Backoff;
  readonly #log;

  constructor(
    readonly role: WorkerRole,
    private readonly url: URL,
    private readonly policy: RestartPolicy,
    private readonly hooks: SupervisorHooks,
  ) {
    this.#backoff = new Backoff(policy.backoffInitialMs, policy.backoffMaxMs);
    this.#log = log.withTag("supervisor");
  }

  start(): void {
    const w = new Worker(this.url);
    this.#worker = w;
    this.#startedAt = performance.now();
    this.#lastError = "";
    this.#hopeless = false;
    w.addEventListener("message", (ev: MessageEvent<FromWorker>) => this.#onMessage(ev.data));
    // The event carries no .error and its message is a code excerpt; keep the last line that names the error.
    w.addEventListener("error", (ev: ErrorEvent) => {
      this.#lastError ||= lastErrorLine(ev.message);
    });
    w.addEventListener("close", (ev: Event) => this.#onClose(w, (ev as CloseEvent).code));
    w.postMessage(this.hooks.init(this.#incarnation));
  }

  /** Sends a message to the current incarnation (dropped if it is between restarts). */
  send(msg: ToWorker): void {
    this.#worker?.postMessage(msg);
  }

  /** Asks the worker to stop and resolves when it closed, or after timeoutMs with a terminate. */
  async stop(timeoutMs: number, request: StopWorker = { type: "StopWorker" }): Promise<boolean> {
    this.#stopping = true;
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    const w = this.#worker;
    if (!w) return true;
    const closed = new Promise<void>((resolve) => (this.#closed = resolve));
    w.postMessage(request);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const clean = await Promise.race([closed.then(() => true), timedOut]);
    clearTimeout(timer);
    if (!clean) {
      this.#log.warn(`${this.role} did not stop within ${timeoutMs} ms; terminating it`);
      w.terminate();
    }
    return clean;
  }

  #onMessage(msg: FromWorker): void {
    if (msg.type === "WorkerFatal") {
      this.#lastError = `${msg.name}: ${msg.message}`;
      this.#hopeless ||= !msg.retryable;
    }
    this.hooks.onMessage(msg);
  }

  #onClose(w: Worker, code: number): void {
    if (w !== this.#worker) return;
    this.#worker = null;
    if (this.#stopping) {
      this.#closed?.();
      return;
    }
    const ranMs = performance.now() - this.#startedAt;
    if (ranMs >= STABLE_RUN_MS) this.#backoff.reset();
    const why = this.#lastError || `exited with code ${code}`;
    if (this.#hopeless || this.#backoff.attempt >= this.policy.maxRestarts) {
      this.#gaveUp = true;
      const reason = this.#hopeless
        ? `${this.role} worker stopped: ${why}`
        : `${this.role} worker crashed ${this.#backoff.attempt + 1} times in a row (last: ${why}); giving up`;
      this.#log.error(reason);
      this.hooks.onGiveUp(this.role, reason);
      return;
    }
    const delayMs = this.#backoff.next();
    this.restarts++;
    this.#incarnation++;
    this.#log.error(
      `${this.role} worker crashed after ${Math.round(ranMs)} ms (${why}); restarting in ${delayMs} ms ` +
        `(attempt ${this.#backoff.attempt} of ${this.policy.maxRestarts})`,
    );
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      if (this.#stopping || this.#gaveUp) return;
      this.#log.info(`${this.role} worker restarted (incarnation ${this.#incarnation})`);
      this.start();
    }, delayMs);
  }
}

function lastErrorLine(message: string): string {
  const lines = message.split("\n").map((l) => l.trim());
  return lines.find((l) => /^(error|\w*Error)\b/.test(l)) ?? lines.at(-1) ?? message;
}
