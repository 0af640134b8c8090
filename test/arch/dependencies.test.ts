import { expect, test } from "bun:test";
import { Glob } from "bun";
import { dirname, join, normalize } from "node:path";

const RULES: [RegExp, RegExp, string][] = [
  [/^src\/core\//, /^src\/(?!core\/)/, "core imports nothing of ours"],
  [/^src\/ring\//, /^src\/(?!core\/|ring\/)/, "ring sees only core"],
  [/^src\/brain\//, /^src\/(trade\/(paper|binance)|feed\/|sim\/)|^ccxt$/, "brain reads the ring; it trades through the Broker port"],
  [/^src\/(?!trade\/binance|feed\/|sim\/)/, /^ccxt$/, "only feed/, sim/ and trade/binance* speak Binance through ccxt"],
  [/^src\/(?!brain\/smc\/reference\/|cli\/smc-command)/, /smc\/reference/, "reference-mode SMC looks ahead: golden tests and charts only, never a decision"],
];
const IMPORT = /\b(?:import|export)\b[^;"']*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/g;

test("dependencies point one way", async () => {
  const broken: string[] = [];
  for await (const file of new Glob("src/**/*.ts").scan(".")) {
    for (const m of (await Bun.file(file).text()).matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      const target = spec.startsWith(".") ? normalize(join(dirname(file), spec)) : spec;
      for (const [from, deny, why] of RULES) if (from.test(file) && deny.test(target)) broken.push(`${file} → ${spec}: ${why}`);
    }
  }
  expect(broken).toEqual([]);
});

test("no console.log in src: everything logs through consola", async () => {
  const offenders: string[] = [];
  for await (const file of new Glob("src/**/*.ts").scan(".")) {
    if (/\bconsole\.(log|debug|info|warn|error)\(/.test(await Bun.file(file).text())) offenders.push(file);
  }
  expect(offenders).toEqual([]);
});
