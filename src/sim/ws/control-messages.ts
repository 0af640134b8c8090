/** Control messages on a market connection (SUBSCRIBE … GET_PROPERTY) and their exact replies (docs §2.6). */

/** Binance's stream cap per connection since 2025-07 (was 200). */
export const MAX_STREAMS_PER_CONNECTION = 1024;

export interface ControlTarget {
  list(): string[];
  subscribe(names: string[]): void;
  unsubscribe(names: string[]): void;
  combined(): boolean;
  setCombined(value: boolean): void;
}

const METHODS = ["SUBSCRIBE", "UNSUBSCRIBE", "LIST_SUBSCRIPTIONS", "SET_PROPERTY", "GET_PROPERTY"];
const UNKNOWN_VARIANT = (m: string) =>
  `Invalid request: unknown variant \`${m}\`, expected one of ${METHODS.map((x) => `\`${x}\``).join(", ")}`;

const reply = (result: unknown, id: number) => `{"result":${JSON.stringify(result)},"id":${id}}`;
const error = (code: number, msg: string, id?: number) =>
  id === undefined ? JSON.stringify({ code, msg }) : JSON.stringify({ code, msg, id });

function streamParams(params: unknown): string[] | string {
  if (params === undefined) return "Invalid request: missing field `params`";
  if (!Array.isArray(params) || !params.every((p) => typeof p === "string")) {
    return "Invalid request: invalid type: `params` must be an array of stream names";
  }
  return params as string[];
}

/** Applies one incoming text message to `target` and returns the reply text. */
export function controlReply(text: string, target: ControlTarget): string {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return error(3, "Invalid JSON: expected value at line 1 column 1");
  }
  if (typeof msg !== "object" || msg === null || Array.isArray(msg)) {
    return error(2, "Invalid request: invalid type: expected struct with fields `method`, `params`, `id`");
  }
  const { method, params, id } = msg as { method?: unknown; params?: unknown; id?: unknown };
  if (method === undefined) return error(2, `Invalid request: missing field \`method\` at line 1 column ${text.length}`);
  if (typeof method !== "string" || !METHODS.includes(method)) return error(2, UNKNOWN_VARIANT(String(method)));
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id < 0) {
    return error(2, "Invalid request: request ID must be an unsigned integer");
  }
  switch (method) {
    case "SUBSCRIBE":
    case "UNSUBSCRIBE": {
      const names = streamParams(params);
      if (typeof names === "string") return error(2, names, id);
      if (method === "UNSUBSCRIBE") {
        target.unsubscribe(names);
        return reply(null, id);
      }
      const current = new Set(target.list());
      const added = new Set(names.filter((n) => !current.has(n))).size;
      if (current.size + added > MAX_STREAMS_PER_CONNECTION) {
        return error(2, `Invalid request: too many streams; a connection carries at most ${MAX_STREAMS_PER_CONNECTION}`, id);
      }
      target.subscribe(names);
      return reply(null, id);
    }
    case "LIST_SUBSCRIPTIONS":
      if (Array.isArray(params) && params.length > 0) return error(2, "Invalid request: too many parameters", id);
      return reply(target.list(), id);
    default: {
      const list = params === undefined ? [] : params;
      if (!Array.isArray(list)) return error(2, "Invalid request: property name must be a string", id);
      const setting = method === "SET_PROPERTY";
      if (list.length > (setting ? 2 : 1)) return error(2, "Invalid request: too many parameters", id);
      if (typeof list[0] !== "string") return error(2, "Invalid request: property name must be a string", id);
      if (list[0] !== "combined") return error(0, "Unknown property", id);
      if (!setting) return reply(target.combined(), id);
      if (typeof list[1] !== "boolean") return error(1, "Invalid value type: expected Boolean", id);
      target.setCombined(list[1]);
      return reply(null, id);
    }
  }
}
