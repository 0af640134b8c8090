/** `aegis universe`: the active USDT perpetuals the engine would trade, loaded through ccxt from the configured exchange. */
import { exchangeUrls } from "../config/sections/exchange";
import { loadUniverse } from "../feed/universe";
import type { CommandSpec, OptionValues } from "./args";
import { loadCliConfig } from "./cli-config";
import { startSimulator } from "../sim/simulator";
import { SIM_HELP, SIM_OPTIONS, simOptionsFrom, withSim } from "./in-process-sim";

export const universeSpec: CommandSpec = {
  summary: "print the trading universe: every PERPETUAL, USDT-quoted, TRADING contract",
  usage: "aegis universe [--json] [--sim [--exchange-info FILE]]",
  options: { json: { type: "boolean" }, ...SIM_OPTIONS },
  help: [["--json", "one JSON object: {count, weightPerMinute, symbols}"], ...SIM_HELP],
};

export async function universeCommand(values: OptionValues): Promise<number> {
  const config = loadCliConfig(values, {});
  const simOptions = simOptionsFrom(values);
  const sim = simOptions ? await startSimulator(simOptions) : null;
  try {
    const { restUrl } = exchangeUrls(sim ? withSim(config, sim).exchange : config.exchange);
    const u = await loadUniverse(restUrl, config.feed.restTimeoutMs);
    const names = u.symbols.map((s) => s.symbol);
    const out = values.json
      ? JSON.stringify({ count: names.length, weightPerMinute: u.weightPerMinute, symbols: names }) + "\n"
      : `${names.length}\n${names.join("\n")}\n`;
    process.stdout.write(out);
    return 0;
  } finally {
    await sim?.stop();
  }
}
