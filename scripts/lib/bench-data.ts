/** Helpers shared by the benchmark scripts that bulk-insert rows with better-sqlite3. */

/** Prisma's DateTime text in SQLite (the better-sqlite3 adapter writes `toISOString()` with `+00:00`). */
export const sqlDate = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

/** A small deterministic PRNG (mulberry32): uniform numbers in [0, 1), so every build holds the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
