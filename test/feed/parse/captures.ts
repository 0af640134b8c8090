/** WebSocket frames from ../shared/data/ws (README §4–5): prefixes stripped, non-WS lines (URL, config, REST) skipped. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedData } from "../../support/shared-data";

export const WS_DIR = sharedData("ws");
export const haveCaptures = existsSync(WS_DIR);

export interface Frame {
  file: string;
  line: number;
  text: string;
  /** Local receive time in µs from the line prefix. */
  recvUs: number;
}

// cryptofeed-2021: `<unix seconds, 2–7 decimals>: <json>`; hftbacktest: `<19-digit ns> <json>` (beyond 2^53: BigInt).
const CRYPTOFEED = /^(\d+\.\d+): (.*)$/;
const HFTBACKTEST = /^(\d{19}) (.*)$/;

export interface CaptureScan {
  frames: Frame[];
  /** Lines that are not WebSocket frames: connect URL, config, REST snapshots, blank lines. */
  skipped: number;
}

export function loadCaptures(): CaptureScan {
  const frames: Frame[] = [];
  let skipped = 0;
  for (const dir of readdirSync(WS_DIR).sort()) {
    for (const name of readdirSync(join(WS_DIR, dir)).sort()) {
      const file = `${dir}/${name}`;
      const lines = readFileSync(join(WS_DIR, file), "utf8").split("\n");
      lines.forEach((raw, i) => {
        let m = HFTBACKTEST.exec(raw);
        let recvUs: number;
        if (m) recvUs = Number(BigInt(m[1]!) / 1000n);
        else if ((m = CRYPTOFEED.exec(raw))) recvUs = Math.round(Number(m[1]) * 1e6);
        else {
          if (i < lines.length - 1 || raw !== "") skipped++;
          return;
        }
        const text = m[2]!;
        // Every WS frame in these captures uses the combined-stream wrapper; the REST depth snapshot does not.
        if (!text.startsWith('{"stream":')) {
          skipped++;
          return;
        }
        frames.push({ file, line: i + 1, text, recvUs });
      });
    }
  }
  return { frames, skipped };
}
