/** Config section `ring`: slot count of the shared feed→brain ring and of its overflow queue. */
import { z } from "zod";

const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

export const ringSection = z.strictObject({
  // The slot index is `seq & (capacity - 1)`: a mask, which only works for a power of two.
  capacity: z
    .int()
    .min(1024)
    .max(2 ** 24)
    .refine(isPowerOfTwo, "must be a power of two")
    .default(65_536),
  overflowCapacity: z.int().min(0).default(65_536),
});

export type RingConfig = z.output<typeof ringSection>;
