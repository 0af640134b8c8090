/** Public surface of the feed → brain ring: layout names, creation, writer, reader and wait strategies. */
export * from "./layout";
export { MAX_CAPACITY, attachRing, createRing, slotIndex, type RingView } from "./ring-buffer";
export { RingWriter, type RingWriterOptions } from "./ring-writer";
export { RingWriterStats } from "./writer-stats";
export { RingReader } from "./ring-reader";
export { DEFAULT_SPIN_US, asyncWait, blockingWait, spinWait } from "./wait-strategy";
