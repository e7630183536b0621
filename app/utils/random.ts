/** Small seeded random numbers for reproducible generated data (the demo class, benchmark databases). */

/**
 * mulberry32: a 32-bit seeded generator (Tommy Ettinger's public-domain design). Not for secrets; enough
 * for data that must come out the same on every machine.
 * @param seed any integer (taken modulo 2³²).
 * @returns a function giving uniform numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A standard normal draw (Box–Muller transform) from a uniform generator. */
export function normal(rand: () => number): number {
  const u = 1 - rand()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand())
}
