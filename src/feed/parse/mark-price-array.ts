/** `!markPrice@arr` entries (already JSON.parsed: ~560 per second, docs/performance.md §5.3) → MARK_PRICE slots. */
import { F, Kind, MARK_PRICE, SLOT_F64 } from "../../ring/layout";
import type { SymbolTable } from "../symbol-table";
import { decimalAt } from "./decimal";
import { Outcome } from "./payload-records";

/** The same rules as the hand path (FieldTable): required fields must be well formed, "" / null / absent → NaN. */
class EntryReader {
  bad = false;

  num(value: unknown): number {
    if (typeof value === "number" && Number.isFinite(value)) return value;
    this.bad = true;
    return Number.NaN;
  }

  optNum(value: unknown): number {
    return value === undefined || value === null ? Number.NaN : this.num(value);
  }

  dec(value: unknown): number {
    const v = typeof value === "string" ? decimalAt(value, 0, value.length) : Number.NaN;
    if (v !== v) this.bad = true;
    return v;
  }

  optDec(value: unknown): number {
    return value === undefined || value === null || value === "" ? Number.NaN : this.dec(value);
  }
}

const reader = new EntryReader();

/** One array entry into `slot` (E, symbol and the MARK_PRICE fields; the caller stamps the receive time). */
export function writeMarkPriceEntry(entry: unknown, symbols: SymbolTable, slot: Float64Array): number {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return Outcome.ParseError;
  const o = entry as Record<string, unknown>;
  if (o.e !== "markPriceUpdate") return typeof o.e === "string" ? Outcome.Ignored : Outcome.ParseError;
  reader.bad = false;
  slot[F.kind] = Kind.MarkPrice;
  slot[F.eventTimeMs] = reader.num(o.E);
  slot[MARK_PRICE.markPrice] = reader.dec(o.p);
  slot[MARK_PRICE.indexPrice] = reader.optDec(o.i);
  slot[MARK_PRICE.fundingRate] = reader.optDec(o.r);
  slot[MARK_PRICE.nextFundingTimeMs] = reader.optNum(o.T);
  slot[MARK_PRICE.estSettlePrice] = reader.optDec(o.P);
  for (let j = MARK_PRICE.estSettlePrice + 1; j < SLOT_F64; j++) slot[j] = 0;
  if (reader.bad || typeof o.s !== "string") return Outcome.ParseError;
  const id = symbols.idOf(o.s);
  if (id < 0) return Outcome.UnknownSymbol;
  slot[F.symbolId] = id;
  return Outcome.Record;
}

/** The array of a raw (`[…]`) or combined (`{"stream":…,"data":[…]}`) frame, or null. */
export function markPriceEntries(parsed: unknown): unknown[] | null {
  if (Array.isArray(parsed)) return parsed;
  if (typeof parsed === "object" && parsed !== null) {
    const data = (parsed as Record<string, unknown>).data;
    if (Array.isArray(data)) return data;
  }
  return null;
}
