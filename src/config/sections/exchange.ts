/** Config section `exchange`: which Binance-compatible venue to talk to, as two base URLs with no path. */
import { z } from "zod";

/** Base URLs per preset; the engine appends /fapi/... and /market/... (and later /private/...) itself. */
export const EXCHANGE_PRESETS = {
  production: { restUrl: "https://fapi.binance.com", wsUrl: "wss://fstream.binance.com" },
  demo: { restUrl: "https://demo-fapi.binance.com", wsUrl: "wss://fstream.binancefuture.com" },
} as const;

const baseUrl = (schemes: string[]) =>
  z.string().refine(
    (s) => {
      try {
        const u = new URL(s);
        return schemes.includes(u.protocol) && (u.pathname === "/" || u.pathname === "") && !u.search && !u.hash && !s.endsWith("/");
      } catch {
        return false;
      }
    },
    { message: `must be a base URL with no path, query or trailing slash, e.g. ${schemes[0]}//host:port` },
  );

export const exchangeSection = z.strictObject({
  /** Fills restUrl and wsUrl when they are not set. */
  preset: z.enum(["production", "demo"]).default("production"),
  restUrl: baseUrl(["https:", "http:"]).optional(),
  wsUrl: baseUrl(["wss:", "ws:"]).optional(),
});

export type ExchangeConfig = z.output<typeof exchangeSection>;

/** The two URLs in force: explicit ones win over the preset's. */
export function exchangeUrls(c: ExchangeConfig): { restUrl: string; wsUrl: string } {
  const p = EXCHANGE_PRESETS[c.preset];
  return { restUrl: c.restUrl ?? p.restUrl, wsUrl: c.wsUrl ?? p.wsUrl };
}
