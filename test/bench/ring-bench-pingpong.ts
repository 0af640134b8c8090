/** Core-to-core round trip between the bench's two workers: tells which placement a round ran on. */

/**
 * One side of a ping-pong on a shared Int32: parity 0 answers even values, parity 1 odd ones. Returns ns per round
 * trip. On the 2-vCPU box it reads ~60–90 ns when the two threads share a last-level cache and ~200 ns when the
 * host puts them on different dies; there the batched ring falls to 8–20M slots/s (cache lines cross the dies
 * one store miss at a time), so each round reports it next to its throughput.
 */
export function pingPong(sab: SharedArrayBuffer, parity: 0 | 1, trips: number): number {
  const a = new Int32Array(sab);
  const t0 = performance.now();
  for (let i = 0; i < trips; i++) {
    const want = 2 * i + parity;
    while (Atomics.load(a, 0) !== want);
    Atomics.store(a, 0, want + 1);
  }
  return ((performance.now() - t0) * 1e6) / trips;
}
