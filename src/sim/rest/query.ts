/** Strict query parameters: only the route's names are allowed (-1104), integers checked (-1100), first duplicate wins. */
import { restErrors } from "./rest-errors";

const INT = /^[0-9]{1,20}$/;

export class Query {
  readonly #params: URLSearchParams;

  constructor(url: URL, allowed: readonly string[]) {
    this.#params = url.searchParams;
    const sent = new Set(this.#params.keys());
    let read = 0;
    for (const name of sent) if (allowed.includes(name)) read++;
    if (read < sent.size) throw restErrors.unreadParams(read, sent.size);
  }

  /** The value, or undefined when absent or empty (Binance treats empty as not sent). */
  get(name: string): string | undefined {
    const v = this.#params.get(name);
    return v === null || v === "" ? undefined : v;
  }

  required(name: string): string {
    const v = this.get(name);
    if (v === undefined) throw restErrors.mandatory(name);
    return v;
  }

  int(name: string): number | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (!INT.test(v)) throw restErrors.illegalChars(name, "^[0-9]{1,20}$");
    return Number(v);
  }
}
