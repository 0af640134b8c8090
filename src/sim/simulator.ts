/** startSimulator: a Binance-compatible exchange on 127.0.0.1 — REST and market streams on one Bun.serve. */
import type { Server } from "bun";
import { systemClock } from "../core/clock";
import { log } from "../ops/logger";
import { type ExchangeInfoSource, generatedExchangeInfo, loadExchangeInfoCapture } from "./exchange/exchange-info";
import { generateUniverse } from "./exchange/generated-universe";
import { MINUTE_MS } from "../core/minute-set";
import { MarkPrices } from "./market/mark-prices";
import type { Market } from "./market/market";
import { SLOT_MS } from "./market/market";
import { MarketDriver } from "./market/market-driver";
import { loadReplayFiles } from "./market/replay-csv";
import { ReplayMarket } from "./market/replay-market";
import { SimClock } from "./market/sim-clock";
import { SyntheticMarket } from "./market/synthetic-market";
import { Prng } from "./prng";
import { restHandler } from "./rest/rest-handler";
import { errorBody, restErrors } from "./rest/rest-errors";
import { WeightLimiter } from "./rest/weight-limiter";
import { DEFAULT_FAULTS, SIM_LIMITS, SimError, type SimHandle, type SimLimit, type SimOptions, type SimStats } from "./sim-options";
import { ConnectionSweeper } from "./ws/connection-sweeper";
import { type ConnState, newConnState } from "./ws/conn-state";
import { MAX_STREAMS_PER_CONNECTION } from "./ws/control-messages";
import { Firehose } from "./ws/firehose";
import { FrameOutlet } from "./ws/frame-faults";
import { StreamCatalog } from "./ws/stream-catalog";
import { StreamPublisher } from "./ws/stream-publisher";
import { Subscriptions } from "./ws/subscriptions";
import { wsHandlers } from "./ws/ws-handlers";
import { parseWsRoute } from "./ws/ws-routes";

export { DEFAULT_FAULTS, SIM_LIMITS, SimError } from "./sim-options";
export type { FirehoseOptions, SimFaults, SimHandle, SimLimit, SimOptions, SimStats } from "./sim-options";

const simLog = log.withTag("sim");
/** The drive timer: at speed 60 a 250 ms slot is ~4 ms real, so every few ms keeps frames on their slots. */
const DRIVE_EVERY_MS = 3;

function validate(opts: SimOptions): void {
  const check = (name: string, value: number | undefined, limit: SimLimit) => {
    if (value !== undefined && !limit.ok(value)) throw new SimError(`simulator option ${name} ${value}: ${limit.hint}`);
  };
  check("port", opts.port, SIM_LIMITS.port);
  check("symbols", opts.symbols, SIM_LIMITS.symbols);
  check("speed", opts.speed, SIM_LIMITS.speed);
  check("seed", opts.seed, SIM_LIMITS.seed);
  check("historyMinutes", opts.historyMinutes, SIM_LIMITS.historyMinutes);
  check("firehose.ratePerSec", opts.firehose?.ratePerSec, SIM_LIMITS.firehoseRate);
}

interface Built {
  market: Market;
  info: ExchangeInfoSource;
  startMs: number;
}

function buildMarket(opts: SimOptions, faults: SimHandle["faults"], seed: number, wallMs: number): Built {
  const rng = new Prng(seed * 31 + 7);
  const capture = opts.exchangeInfoPath ? loadExchangeInfoCapture(opts.exchangeInfoPath, rng) : undefined;
  if (opts.replay) {
    const market = new ReplayMarket(loadReplayFiles(opts.replay.files), opts.historyMinutes ?? 0, faults);
    const startMs = market.firstTickMs - SLOT_MS;
    return { market, startMs, info: capture?.source ?? generatedExchangeInfo(market.book.specs, startMs, rng) };
  }
  const startMs = opts.startTimeMs ?? Math.floor(wallMs / MINUTE_MS) * MINUTE_MS;
  const specs = capture?.market ?? generateUniverse(opts.symbols ?? 50, rng);
  if (specs.length === 0) throw new SimError(`${opts.exchangeInfoPath} lists no PERPETUAL/USDT/TRADING symbol to run a market for`);
  const market = new SyntheticMarket({ specs, seed, startTimeMs: startMs, historyMinutes: opts.historyMinutes ?? 600, faults });
  return { market, startMs, info: capture?.source ?? generatedExchangeInfo(specs, startMs, rng) };
}

export async function startSimulator(opts: SimOptions = {}): Promise<SimHandle> {
  validate(opts);
  const clock = opts.clock ?? systemClock;
  const seed = opts.seed ?? 1;
  const faults = { ...DEFAULT_FAULTS, ...opts.faults };
  const { market, info, startMs } = buildMarket(opts, faults, seed, clock.nowMs());
  const book = market.book;
  const simClock = new SimClock(clock, startMs, opts.speed ?? 1);
  const stats: SimStats = { connections: 0, framesSent: 0, drops: 0, stalls: 0, corrupted: 0, restRequests: 0, rateLimited: 0 };
  const catalog = new StreamCatalog(book.specs);
  const subs = new Subscriptions(catalog);
  const marks = new MarkPrices(book, new Prng(seed + 2));
  let server: Server<ConnState> | undefined;
  const realMs = () => simClock.realMs();
  const outlet = new FrameOutlet(() => server, faults, stats, new Prng(seed + 3), realMs);
  const publisher = new StreamPublisher(catalog, subs, book, marks, outlet, !opts.firehose);
  const driver = new MarketDriver(market, marks, publisher);
  const advance = () => void driver.advanceTo(simClock.nowMs());
  const sweeper = new ConnectionSweeper(
    {
      pingIntervalMs: opts.pingIntervalMs ?? 180_000,
      pongTimeoutMs: opts.pongTimeoutMs ?? 600_000,
      maxAgeMs: opts.maxConnectionAgeMs ?? 86_400_000,
    },
    faults,
    stats,
    subs,
    realMs,
    () => simClock.nowMs(),
  );
  const firehose = opts.firehose ? new Firehose(book, catalog, opts.firehose, sweeper.conns, stats) : null;
  const rest = restHandler({
    book,
    marks,
    limiter: new WeightLimiter(info.weightLimit, () => clock.nowMs()),
    exchangeInfo: (now) => info.body(now),
    listed: info.listed,
    faults,
    stats,
    rng: new Prng(seed + 4),
    simNowMs: () => simClock.nowMs(),
    advance,
  });
  const initialStreams = new WeakMap<ConnState, string[]>();
  const json = (status: number, code: number, msg: string) =>
    new Response(errorBody(code, msg), { status, headers: { "Content-Type": "application/json" } });

  server = Bun.serve<ConnState>({
    hostname: "127.0.0.1",
    port: opts.port ?? 0,
    development: false,
    fetch(req, srv) {
      const url = new URL(req.url);
      if (req.headers.get("upgrade")?.toLowerCase() === "websocket") {
        const route = parseWsRoute(url);
        if (!route) return json(404, -5000, `Path ${url.pathname} is not a stream endpoint`);
        if (new Set(route.streams).size > MAX_STREAMS_PER_CONNECTION) {
          return json(400, -1130, `Too many streams: a connection carries at most ${MAX_STREAMS_PER_CONNECTION}`);
        }
        const data = newConnState(route.category, route.combined, realMs());
        initialStreams.set(data, route.streams);
        return srv.upgrade(req, { data }) ? undefined : json(400, -1000, "WebSocket upgrade failed");
      }
      return rest(req, url);
    },
    websocket: wsHandlers({ subs, sweeper, stats, firehose, realMs }, initialStreams),
    error(err) {
      simLog.error("request failed:", err);
      const e = restErrors.unknown();
      return json(e.status, e.code, e.message);
    },
  });

  const timer = setInterval(() => {
    try {
      advance();
      outlet.flush();
      sweeper.sweep();
    } catch (e) {
      simLog.error("market drive failed:", e);
    }
  }, DRIVE_EVERY_MS);
  firehose?.start();
  const port = server.port ?? 0;
  simLog.debug(
    `simulator on 127.0.0.1:${port}: ${book.n} symbols, ${opts.replay ? "replay" : "synthetic"} market, speed ${simClock.speed}` +
      (firehose ? `, firehose ${opts.firehose?.ratePerSec || "unpaced"}` : ""),
  );
  let stopped = false;
  return {
    restUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    faults,
    nowMs: () => simClock.nowMs(),
    symbols: book.specs.map((s) => s.symbol),
    stats: () => ({ ...stats }),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      firehose?.stop();
      await server?.stop(true);
    },
  };
}
