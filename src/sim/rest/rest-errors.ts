/** Binance REST errors: always {"code":<int>,"msg":"<text>"} with Binance's HTTP status (docs §8, checklist 1). */

/** Thrown inside a route; the handler turns it into the response. */
export class BinanceRestError extends Error {
  override name = "BinanceRestError";
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const restErrors = {
  mandatory: (param: string) =>
    new BinanceRestError(400, -1102, `Mandatory parameter '${param}' was not sent, was empty/null, or malformed.`),
  illegalChars: (param: string, legal: string) =>
    new BinanceRestError(400, -1100, `Illegal characters found in parameter '${param}'; legal range is '${legal}'.`),
  unreadParams: (read: number, sent: number) =>
    new BinanceRestError(400, -1104, `Not all sent parameters were read; read '${read}' parameter(s) but was sent '${sent}'.`),
  invalidSymbol: () => new BinanceRestError(400, -1121, "Invalid symbol."),
  invalidInterval: () => new BinanceRestError(400, -1120, "Invalid interval."),
  invalidParam: (param: string) => new BinanceRestError(400, -1130, `Data sent for parameter '${param}' is not valid.`),
  startAfterEnd: () => new BinanceRestError(400, -1023, "Start time is greater than end time."),
  unknownPath: (method: string, path: string) =>
    new BinanceRestError(404, -5000, `Path ${path}, Method ${method} is invalid`),
  internal: () => new BinanceRestError(503, -1001, "Internal error; unable to process your request. Please try again."),
  unknown: () => new BinanceRestError(500, -1000, "An unknown error occured while processing the request."),
};

export function errorBody(code: number, msg: string): string {
  return JSON.stringify({ code, msg });
}
