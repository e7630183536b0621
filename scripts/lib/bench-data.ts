/** Helpers shared by the benchmark scripts that bulk-insert rows with better-sqlite3. */

/** Prisma's DateTime text in SQLite (the better-sqlite3 adapter writes `toISOString()` with `+00:00`). */
export const sqlDate = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00')

/** The app's seeded PRNG (mulberry32, app/utils/random.ts), so every build holds the same data. */
export { mulberry32 as prng } from '../../app/utils/random'
