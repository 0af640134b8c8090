/** The HEARTBEAT record's checksum: written by the feed's heartbeat source, checked by the brain. */
export const heartbeatChecksum = (seq: number, sentUs: number): number => (seq * 31 + sentUs) % 1_000_000_007;
