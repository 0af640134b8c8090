/**
 * WebSocket paths: routed bases /market, /public, /private with /ws, /ws/<s1>/<s2> (raw) and /stream?streams=
 * (combined), plus the legacy unrouted /ws and /stream, which connect and acknowledge but deliver nothing.
 */
import type { ConnCategory } from "./conn-state";

export interface WsRoute {
  category: ConnCategory;
  combined: boolean;
  streams: string[];
}

const BASES: Record<string, ConnCategory> = { market: "market", public: "public", private: "private" };

/** The route of a WebSocket request path, or null when the path is not a stream endpoint. */
export function parseWsRoute(url: URL): WsRoute | null {
  const parts = url.pathname.split("/").filter((p) => p !== "");
  let category: ConnCategory = "legacy";
  const base = parts[0] === undefined ? undefined : BASES[parts[0]];
  if (base) {
    category = base;
    parts.shift();
  }
  const mode = parts.shift();
  if (mode === "stream" && parts.length === 0) {
    const list = url.searchParams.get("streams") ?? "";
    return { category, combined: true, streams: list.split("/").filter((s) => s !== "") };
  }
  if (mode === "ws") {
    // raw paths carry names percent-encoded (CJK symbols); URL keeps the encoding in pathname
    const streams: string[] = [];
    for (const p of parts) {
      try {
        streams.push(decodeURIComponent(p));
      } catch {
        streams.push(p);
      }
    }
    return { category, combined: false, streams };
  }
  return null;
}
